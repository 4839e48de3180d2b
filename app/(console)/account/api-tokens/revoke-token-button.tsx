"use client";

import { useTranslations } from "next-intl";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { useFormAction } from "@/components/ui/use-form-action";
import { revokeApiTokenAction } from "./actions";

/** TOK-4: revoke, confirmed in a dialog (with `orgId`: as the Organization's legal representative). */
export function RevokeTokenButton({ orgId, tokenId, name }: { orgId?: string; tokenId: string; name: string }) {
  const t = useTranslations("apiTokens");
  const { state, onSubmit, pending } = useFormAction(revokeApiTokenAction);
  return (
    <ConfirmButton
      label={t("revoke")}
      ariaLabel={t("revokeNamed", { name })}
      variant="secondary"
      title={t("revokeConfirm", { name })}
      confirmLabel={t("revokeYes")}
      cancelLabel={t("cancel")}
      onSubmit={onSubmit}
      pending={pending}
      error={state && !state.ok ? state.message : null}
      result={state}
    >
      {orgId ? <input type="hidden" name="orgId" value={orgId} /> : null}
      <input type="hidden" name="tokenId" value={tokenId} />
    </ConfirmButton>
  );
}
