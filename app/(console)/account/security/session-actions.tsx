"use client";

import { useTranslations } from "next-intl";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";

/** Signs one other session out, confirmed in a dialog. */
export function RevokeSessionButton({ sessionId, device }: { sessionId: string; device: string }) {
  const t = useTranslations("security");
  const { state, onSubmit, pending } = useFormAction(revokeSessionAction);
  return (
    <ConfirmButton
      label={t("signOutSession")}
      ariaLabel={t("signOutSessionLabel", { device })}
      variant="secondary"
      title={t("signOutSessionConfirm", { device })}
      confirmLabel={t("signOutYes")}
      cancelLabel={t("cancel")}
      onSubmit={onSubmit}
      pending={pending}
      error={state && !state.ok ? state.message : null}
      result={state}
    >
      <input type="hidden" name="sessionId" value={sessionId} />
    </ConfirmButton>
  );
}

/** Signs every other session out, confirmed in a dialog. */
export function RevokeOtherSessionsButton() {
  const t = useTranslations("security");
  const { state, onSubmit, pending } = useFormAction(revokeOtherSessionsAction);
  return (
    <div className="space-y-2">
      <ConfirmButton
        label={t("signOutOthers")}
        variant="secondary"
        title={t("signOutOthersConfirm")}
        confirmLabel={t("signOutYes")}
        cancelLabel={t("cancel")}
        onSubmit={onSubmit}
        pending={pending}
        error={state && !state.ok ? state.message : null}
        result={state}
      />
      {state?.ok ? <Alert tone="success">{t("signedOutOthers", { count: state.data?.revoked ?? 0 })}</Alert> : null}
    </div>
  );
}
