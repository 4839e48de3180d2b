"use client";

import { useTranslations } from "next-intl";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useFormAction } from "@/components/ui/use-form-action";
import { closeRequestAction } from "./actions";

/** SUP-4: closes the request (no more replies; the handling staff lose the way into the content), confirmed in a dialog. */
export function CloseRequestForm({ orgId, requestId }: { orgId: string; requestId: string }) {
  const t = useTranslations("support.form");
  const { state, onSubmit, pending } = useFormAction(closeRequestAction);
  return (
    <ConfirmButton
      label={t("close")}
      variant="secondary"
      title={t("closeConfirm")}
      confirmLabel={t("closeYes")}
      cancelLabel={t("cancel")}
      onSubmit={onSubmit}
      pending={pending}
      error={state && !state.ok ? state.message : null}
      result={state}
    >
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="requestId" value={requestId} />
    </ConfirmButton>
  );
}
