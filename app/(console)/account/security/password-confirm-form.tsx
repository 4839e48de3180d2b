"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import type { ActionState } from "@/lib/http/action";

type FormAction<R> = (prev: ActionState<R>, formData: FormData) => Promise<ActionState<R>>;

/**
 * 2FA-4: a button that opens a small form asking the password again before a sensitive change
 * (remove a method, turn 2FA off, regenerate backup codes). `children` render the result once it succeeded.
 */
export function PasswordConfirmForm<R>({
  serverAction,
  hidden = {},
  openLabel,
  submitLabel,
  warning,
  danger = false,
  children,
}: {
  serverAction: FormAction<R>;
  hidden?: Record<string, string>;
  openLabel: string;
  submitLabel: string;
  warning?: string;
  danger?: boolean;
  children?: (data: R | undefined) => ReactNode;
}) {
  const t = useTranslations("security");
  const [open, setOpen] = useState(false);
  const { state, onSubmit, pending, fieldErrors } = useFormAction(serverAction);
  const id = useId();
  if (state?.ok && children) return <>{children(state.data)}</>;
  if (!open) {
    return (
      <Button type="button" variant={danger ? "danger" : "secondary"} onClick={() => setOpen(true)}>
        {openLabel}
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-3 rounded-md border border-slate-200 p-3" noValidate>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {warning ? <Alert tone="info">{warning}</Alert> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Field
        id={`${id}-password`}
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        help={t("passwordHelp")}
        error={fieldErrors.password}
      />
      <SubmitOrCancel label={submitLabel} pending={pending} danger={danger} onCancel={() => setOpen(false)} />
    </form>
  );
}

/** The submit and "Cancel" buttons closing the small forms of the security page. */
/** The security forms' buttons, with the security section's "cancel". */
export function SubmitOrCancel({ label, pending, danger = false, onCancel }: { label: string; pending: boolean; danger?: boolean; onCancel: () => void }) {
  const t = useTranslations("security");
  return <FormActions submitLabel={label} pending={pending} danger={danger} cancelLabel={t("cancel")} onCancel={onCancel} />;
}
