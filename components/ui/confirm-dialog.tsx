"use client";

import { useEffect, useId, useRef, useState, type FormEventHandler, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

type DialogProps = {
  open: boolean;
  /** Cancel, Escape or the dialog closing by itself: the caller forgets it is open. */
  onClose: () => void;
  /** The question, which labels the dialog ("Delete the team “Web”?"). */
  title: string;
  /** What happens, in a sentence (describes the dialog). */
  description?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** The form's submit handler (`useFormAction().onSubmit`); the hidden inputs come as children. */
  onSubmit?: FormEventHandler<HTMLFormElement>;
  /** Or the id of a form elsewhere on the page the confirm button submits (a bulk action's selection). */
  form?: string;
  pending?: boolean;
  /** A refusal from the server, shown in the dialog (which stays open). */
  error?: string | null;
  children?: ReactNode;
  testId?: string;
};

/**
 * The confirmation of a destructive action: a native modal `<dialog>` (the browser keeps focus inside it
 * and makes the page behind it inert), labelled by its question, with "cancel" first so Enter on the
 * freshly opened dialog does not destroy anything. Escape cancels; focus goes back to what opened it.
 */
export function ConfirmDialog({ open, onClose, title, description, confirmLabel, cancelLabel, onSubmit, form, pending, error, children, testId }: DialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);
  // Closing by any way (cancel, Escape, success) hands focus back to the control that opened the dialog.
  function onDialogClose() {
    const back = opener.current;
    opener.current = null;
    onClose();
    if (back?.isConnected) back.focus();
  }
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      onClose={onDialogClose}
      data-testid={testId}
      className="m-auto w-[28rem] max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <Body onSubmit={onSubmit} form={form}>
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        {description ? (
          <p id={`${id}-description`} className="text-sm text-slate-700">
            {description}
          </p>
        ) : null}
        {children}
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            {cancelLabel}
          </Button>
          <Button type="submit" form={form} variant="danger" disabled={pending}>
            {confirmLabel}
          </Button>
        </div>
      </Body>
    </dialog>
  );
}

function Body({ onSubmit, form, children }: { onSubmit?: FormEventHandler<HTMLFormElement>; form?: string; children: ReactNode }) {
  const className = "space-y-4 p-5";
  return form ? (
    <div className={className}>{children}</div>
  ) : (
    <form onSubmit={onSubmit} className={className}>
      {children}
    </form>
  );
}

type ButtonProps = Omit<DialogProps, "open" | "onClose"> & {
  /** The button that opens the dialog, and its accessible name when the text alone is ambiguous. */
  label: ReactNode;
  ariaLabel?: string;
  variant?: "secondary" | "danger";
  /** Replaces the Button look (small row buttons). */
  buttonClassName?: string;
  disabled?: boolean;
  /**
   * The action's latest answer: a new successful one closes the dialog; so does a refusal when the caller
   * shows it on the page rather than in the dialog (no `error`).
   */
  result?: { ok: boolean } | null;
};

/** A destructive action's button and its confirmation dialog. */
export function ConfirmButton({ label, ariaLabel, variant = "danger", buttonClassName, disabled, result, ...dialog }: ButtonProps) {
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState(result);
  // A new answer closes the dialog (adjusting state during render, not in an effect).
  if (seen !== result) {
    setSeen(result);
    if (result && (result.ok || dialog.error === undefined)) setOpen(false);
  }
  return (
    <>
      {buttonClassName ? (
        <button type="button" className={buttonClassName} aria-label={ariaLabel} aria-haspopup="dialog" disabled={disabled} onClick={() => setOpen(true)}>
          {label}
        </button>
      ) : (
        <Button type="button" variant={variant} aria-label={ariaLabel} aria-haspopup="dialog" disabled={disabled} onClick={() => setOpen(true)}>
          {label}
        </Button>
      )}
      <ConfirmDialog {...dialog} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
