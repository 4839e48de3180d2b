"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/http/action";

type RowAction<T> = (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/**
 * ORG-2, PRT-4: "resend" (a fresh link) and "revoke / delete" of one pending invitation, from its row —
 * the Users page's and the Partners page's. Each is a form posting the row's hidden `fields` to its server
 * action (the removal once confirmed in a dialog); a failure is announced, a resend confirmed. The caller gives the translated labels.
 */
export function PendingInvitationActions<R, D>({
  fields,
  resendAction,
  removeAction,
  labels,
  className = "",
}: {
  fields: Record<string, string>;
  resendAction: RowAction<R>;
  removeAction: RowAction<D>;
  labels: { group: string; resend: string; remove: string; resent: string; confirmTitle: string; confirmYes: string; cancel: string };
  className?: string;
}) {
  const [resent, resend, resending] = useActionState(resendAction, null);
  const { state: removed, onSubmit: remove, pending: removing } = useFormAction(removeAction);
  const failure = resent && !resent.ok ? resent : null;
  const button = "rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60";
  const hidden = Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  return (
    <div role="group" aria-label={labels.group} className={`${className} flex flex-wrap items-center gap-2`.trim()}>
      <form action={resend}>
        {hidden}
        <button type="submit" disabled={resending || removing} className={button}>
          {labels.resend}
        </button>
      </form>
      <ConfirmButton
        label={labels.remove}
        buttonClassName={`${button} text-red-700`}
        title={labels.confirmTitle}
        confirmLabel={labels.confirmYes}
        cancelLabel={labels.cancel}
        onSubmit={remove}
        pending={removing}
        error={removed && !removed.ok ? removed.message : null}
        result={removed}
      >
        {hidden}
      </ConfirmButton>
      <span aria-live="polite" className="text-xs">
        {failure && !failure.ok ? (
          <span role="alert" className="text-red-700">
            {failure.message}
          </span>
        ) : resent?.ok ? (
          <span className="text-green-800">{labels.resent}</span>
        ) : null}
      </span>
    </div>
  );
}
