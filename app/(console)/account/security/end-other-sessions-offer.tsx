"use client";

import { useTranslations } from "next-intl";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { revokeOtherSessionsAction } from "./actions";

/**
 * Shown after a sensitive change (new password, 2FA turned off): other browsers stay signed in until the
 * user chooses to end them (confirmed in a dialog).
 */
export function EndOtherSessionsOffer({ count }: { count: number }) {
  const t = useTranslations("credentials");
  const { state, onSubmit, pending } = useFormAction(revokeOtherSessionsAction);
  if (count === 0) return null;
  if (state?.ok) return <Alert tone="success">{t("otherSessionsEnded", { count: state.data?.revoked ?? 0 })}</Alert>;
  return (
    <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="end-other-sessions">
      <p className="text-sm">{t("otherSessionsOffer", { count })}</p>
      <ConfirmButton
        label={t("endOtherSessions")}
        variant="secondary"
        title={t("endOtherSessionsConfirm")}
        confirmLabel={t("endOtherSessionsYes")}
        cancelLabel={t("cancel")}
        onSubmit={onSubmit}
        pending={pending}
        error={state && !state.ok ? state.message : null}
        result={state}
      />
    </div>
  );
}
