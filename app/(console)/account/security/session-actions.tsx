"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";

export function RevokeSessionButton({ sessionId, device }: { sessionId: string; device: string }) {
  const t = useTranslations("security");
  const { state, onSubmit, pending } = useFormAction(revokeSessionAction);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={t("signOutSessionLabel", { device })}>
        {t("signOutSession")}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}

export function RevokeOtherSessionsButton() {
  const t = useTranslations("security");
  const { state, onSubmit, pending } = useFormAction(revokeOtherSessionsAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("signOutOthers")}
      </Button>
      {state?.ok ? <Alert tone="success">{t("signedOutOthers", { count: state.data?.revoked ?? 0 })}</Alert> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
