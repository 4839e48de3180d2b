"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestHelpAction } from "./actions";

/** Opens the case, then says where its link was sent (the login e-mail) without showing it. */
export function RequestHelpForm() {
  const t = useTranslations("verification");
  const format = useFormatter();
  const { state, onSubmit, pending } = useFormAction(requestHelpAction);
  const help = state?.ok ? state.data : undefined;

  if (help) {
    // SEC-3: the link went to the login e-mail only; this page never shows it.
    return (
      <div className="space-y-3" data-testid="help-requested">
        <Alert tone="success">{t(help.reused ? "linkRenewed" : "linkSent", { email: help.email })}</Alert>
        <p className="text-sm">{t("openFromMail")}</p>
        <p className="text-sm text-slate-600">{help.phoneMasked ? t("phoneOnAccount", { phone: help.phoneMasked }) : t("noPhoneOnAccount")}</p>
        <p className="text-sm text-slate-600">{t("linkExpires", { when: format.dateTime(new Date(help.expiresAt), { dateStyle: "long", timeStyle: "short" }) })}</p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("starting") : t("start")}
      </Button>
    </form>
  );
}
