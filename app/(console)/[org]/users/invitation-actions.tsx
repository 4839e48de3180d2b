"use client";

import { useTranslations } from "next-intl";
import { PendingInvitationActions } from "@/components/ui/pending-invitation-actions";
import { resendInvitationAction, revokeInvitationAction } from "./invite/actions";

/** ORG-2: resend (a fresh link, valid 7 days) or revoke a pending invitation (confirmed in a dialog), from its row. */
export function InvitationActions({ orgId, invitationId, email }: { orgId: string; invitationId: string; email: string }) {
  const t = useTranslations("invitations");
  return (
    <PendingInvitationActions
      className="mt-1"
      fields={{ orgId, invitationId }}
      resendAction={resendInvitationAction}
      removeAction={revokeInvitationAction}
      labels={{ group: t("actions", { email }), resend: t("resend"), remove: t("revoke"), resent: t("resent", { email }), confirmTitle: t("revokeConfirm", { email }), confirmYes: t("revokeYes"), cancel: t("cancel") }}
    />
  );
}
