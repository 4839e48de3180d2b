"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { revokeApiTokenAction } from "./actions";

/** TOK-4: revoke, confirmed by a second click (with `orgId`: as the Organization's legal representative). */
export function RevokeTokenButton({ orgId, tokenId, name }: { orgId?: string; tokenId: string; name: string }) {
  const t = useTranslations("apiTokens");
  const [confirming, setConfirming] = useState(false);
  const { state, formAction, onSubmit, pending } = useFormAction(revokeApiTokenAction);
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)} aria-label={t("revokeNamed", { name })}>
        {t("revoke")}
      </Button>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} className="inline-flex flex-wrap items-center justify-end gap-2">
      {orgId ? <input type="hidden" name="orgId" value={orgId} /> : null}
      <input type="hidden" name="tokenId" value={tokenId} />
      <span className="text-sm">{t("revokeConfirm", { name })}</span>
      <Button type="submit" variant="danger" disabled={pending}>
        {t("revokeYes")}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
        {t("cancel")}
      </Button>
      {state && !state.ok ? <span role="alert" className="text-sm text-red-700">{state.message}</span> : null}
    </form>
  );
}
