"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { revokeOtherSessionsAction } from "./actions";

/**
 * Shown after a sensitive change (new password, 2FA turned off): other browsers stay signed in until the
 * user chooses, with one click, to end them.
 */
export function EndOtherSessionsOffer({ count }: { count: number }) {
  const t = useTranslations("credentials");
  const { state, onSubmit, pending } = useFormAction(revokeOtherSessionsAction);
  if (count === 0) return null;
  if (state?.ok) return <Alert tone="success">{t("otherSessionsEnded", { count: state.data?.revoked ?? 0 })}</Alert>;
  return (
    <form onSubmit={onSubmit} className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="end-other-sessions">
      <p className="text-sm">{t("otherSessionsOffer", { count })}</p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("endOtherSessions")}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
    </form>
  );
}
