"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { shareMailAction } from "./actions";

/** SUP-3: "share this e-mail with support" — that message alone, for 7 days. */
export function ShareMailForm({ orgId, messageId }: { orgId: string; messageId: string }) {
  const t = useTranslations("content");
  const format = useFormatter();
  const { state, onSubmit, pending } = useFormAction(shareMailAction);
  return (
    <form onSubmit={onSubmit} className="space-y-2 border-t border-slate-200 pt-3">
      <input type="hidden" name="orgId" value={orgId} />
      <input type="hidden" name="messageId" value={messageId} />
      <p className="text-sm text-slate-600">{t("mail.shareHelp")}</p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("mail.share")}
      </Button>
      <div aria-live="polite">
        {state?.ok && state.data ? <Alert tone="success">{t("mail.shared", { until: format.dateTime(new Date(state.data.expiresAt), { dateStyle: "medium", timeStyle: "short" }) })}</Alert> : null}
        {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      </div>
    </form>
  );
}
