"use client";

import { useTranslations } from "next-intl";
import { PendingInvitationActions } from "@/components/ui/pending-invitation-actions";
import { deletePartnerInvitationAction, resendPartnerInvitationAction } from "./actions";

/** PRT-4: resend (a fresh link, valid 14 days) or delete a pending partner invitation (confirmed in a dialog), from its row. */
export function InvitationRowActions({ orgId, partnershipId, name }: { orgId: string; partnershipId: string; name: string }) {
  const t = useTranslations("partnerships");
  return (
    <PendingInvitationActions
      fields={{ orgId, partnershipId }}
      resendAction={resendPartnerInvitationAction}
      removeAction={deletePartnerInvitationAction}
      labels={{ group: t("rowActions", { name }), resend: t("resend"), remove: t("delete"), resent: t("resent", { name }), confirmTitle: t("deleteConfirm", { name }), confirmYes: t("deleteYes"), cancel: t("cancel") }}
    />
  );
}
