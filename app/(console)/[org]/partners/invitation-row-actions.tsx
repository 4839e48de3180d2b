"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useFormAction } from "@/components/ui/use-form-action";
import { deletePartnerInvitationAction, resendPartnerInvitationAction } from "./actions";

/** PRT-4: resend (a fresh link, valid 14 days) or delete a pending partner invitation (confirmed in a dialog), from its row. */
export function InvitationRowActions({ orgId, partnershipId, name }: { orgId: string; partnershipId: string; name: string }) {
  const t = useTranslations("partnerships");
  const [resent, resend, resending] = useActionState(resendPartnerInvitationAction, null);
  const { state: deleted, onSubmit: remove, pending: deleting } = useFormAction(deletePartnerInvitationAction);
  const failure = resent && !resent.ok ? resent : null;
  const button = "rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-60";
  return (
    <div role="group" aria-label={t("rowActions", { name })} className="flex flex-wrap items-center gap-2">
      <form action={resend}>
        <input type="hidden" name="orgId" value={orgId} />
        <input type="hidden" name="partnershipId" value={partnershipId} />
        <button type="submit" disabled={resending || deleting} className={button}>
          {t("resend")}
        </button>
      </form>
      <ConfirmButton
        label={t("delete")}
        buttonClassName={`${button} text-red-700`}
        title={t("deleteConfirm", { name })}
        confirmLabel={t("deleteYes")}
        cancelLabel={t("cancel")}
        onSubmit={remove}
        pending={deleting}
        error={deleted && !deleted.ok ? deleted.message : null}
        result={deleted}
      >
        <input type="hidden" name="orgId" value={orgId} />
        <input type="hidden" name="partnershipId" value={partnershipId} />
      </ConfirmButton>
      <span aria-live="polite" className="text-xs">
        {failure && !failure.ok ? (
          <span role="alert" className="text-red-700">
            {failure.message}
          </span>
        ) : resent?.ok ? (
          <span className="text-green-800">{t("resent", { name })}</span>
        ) : null}
      </span>
    </div>
  );
}
