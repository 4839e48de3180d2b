"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cancelTenderAction } from "./actions";

/** TND-4: the confirmation; works without JavaScript (the form posts to the server action). */
export function CancelTenderForm({ secret, title }: { secret: string; title: string }) {
  const t = useTranslations("tenders");
  const [state, formAction, pending] = useActionState(cancelTenderAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("cancelledTitle")}</h1>
        <Alert tone="success">{t("cancelled", { title: state.data?.title ?? title })}</Alert>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <h1 className="text-xl font-semibold">{t("cancelTitle")}</h1>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <p className="text-sm">{t("cancelIntro", { title })}</p>
      <input type="hidden" name="secret" value={secret} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? t("cancelling") : t("cancelConfirm")}
      </Button>
    </form>
  );
}
