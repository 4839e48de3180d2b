"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useFormAction } from "@/components/ui/use-form-action";
import { resendInvitationAction, revokeInvitationAction } from "./invite/actions";

/** ORG-2: resend (a fresh link, valid 7 days) or revoke a pending invitation (confirmed in a dialog), from its row. */
export function InvitationActions({ orgId, invitationId, email }: { orgId: string; invitationId: string; email: string }) {
  const t = useTranslations("invitations");
  const [resent, resend, resending] = useActionState(resendInvitationAction, null);
  const { state: revoked, onSubmit: revoke, pending: revoking } = useFormAction(revokeInvitationAction);
  const failure = resent && !resent.ok ? resent : null;
  const button = "rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60";
  return (
    <div role="group" aria-label={t("actions", { email })} className="mt-1 flex flex-wrap items-center gap-2">
      <form action={resend}>
        <input type="hidden" name="orgId" value={orgId} />
        <input type="hidden" name="invitationId" value={invitationId} />
        <button type="submit" disabled={resending || revoking} className={button}>
          {t("resend")}
        </button>
      </form>
      <ConfirmButton
        label={t("revoke")}
        buttonClassName={`${button} text-red-700`}
        title={t("revokeConfirm", { email })}
        confirmLabel={t("revokeYes")}
        cancelLabel={t("cancel")}
        onSubmit={revoke}
        pending={revoking}
        error={revoked && !revoked.ok ? revoked.message : null}
        result={revoked}
      >
        <input type="hidden" name="orgId" value={orgId} />
        <input type="hidden" name="invitationId" value={invitationId} />
      </ConfirmButton>
      <span aria-live="polite" className="text-xs">
        {failure && !failure.ok ? (
          <span role="alert" className="text-red-700">
            {failure.message}
          </span>
        ) : resent?.ok ? (
          <span className="text-green-800">{t("resent", { email })}</span>
        ) : null}
      </span>
    </div>
  );
}
