"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/http/action";
import { useFormAction } from "@/components/ui/use-form-action";
import { ConfirmButton } from "@/components/ui/confirm-dialog";

type FormAction<R> = (prev: ActionState<R>, formData: FormData) => Promise<ActionState<R>>;

/**
 * A destructive button on a list row (remove a member, withdraw a product), confirmed in a dialog that
 * shows a refusal. Screen readers hear the visible label followed by the row's subject ("Remove from team: Anna").
 */
export function RowAction<R>({
  action,
  fields,
  label,
  subject,
  question,
  confirmLabel,
  cancelLabel,
}: {
  action: FormAction<R>;
  fields: Record<string, string>;
  label: string;
  subject: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
}) {
  const { state, onSubmit, pending } = useFormAction(action);
  return (
    <ConfirmButton
      label={label}
      ariaLabel={`${label}: ${subject}`}
      variant="secondary"
      title={question}
      confirmLabel={confirmLabel}
      cancelLabel={cancelLabel}
      onSubmit={onSubmit}
      pending={pending}
      error={state && !state.ok ? state.message : null}
      result={state}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </ConfirmButton>
  );
}

/**
 * A checkbox picker that submits the ticked values (members to add, products to grant). Reset after each
 * change of `version` so ticked boxes of items that moved to the list do not linger.
 */
export function PickerForm<R>({
  action,
  fields,
  legend,
  submitLabel,
  success,
  version,
  boxed = true,
  children,
}: {
  action: FormAction<R>;
  fields: Record<string, string>;
  legend: string;
  submitLabel: string;
  success: (data: R | undefined) => string;
  version: number;
  /** A scrolling box around the children; off for children that bring their own (the product picker). */
  boxed?: boolean;
  children: ReactNode;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction(action);
  return (
    <form key={version} action={formAction} onSubmit={onSubmit} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{legend}</legend>
        {boxed ? <div className="max-h-72 space-y-2 overflow-y-auto rounded-md border border-slate-200 p-2">{children}</div> : children}
      </fieldset>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <div aria-live="polite">{state?.ok ? <Alert tone="success">{success(state.data)}</Alert> : null}</div>
      <Button type="submit" variant="secondary" disabled={pending}>{submitLabel}</Button>
    </form>
  );
}
