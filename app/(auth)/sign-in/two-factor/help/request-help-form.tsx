"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestHelpAction } from "./actions";

/** Opens the case, then shows its link and a QR code to continue on a phone. */
export function RequestHelpForm() {
  const t = useTranslations("verification");
  const format = useFormatter();
  const { state, onSubmit, pending } = useFormAction(requestHelpAction);
  const help = state?.ok ? state.data : undefined;

  if (help) {
    return (
      <div className="space-y-3">
        <Alert tone="success">{t(help.reused ? "linkRenewed" : "linkSent", { email: help.email })}</Alert>
        <p className="text-sm">{t("scanOrOpen")}</p>
        {/* A data: URL made on the server from the case link. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img src={help.qrDataUrl} alt={t("qrAlt")} width={220} height={220} className="mx-auto rounded border border-slate-200" />
        <a href={help.link} className="block break-all text-sm text-brand-700 underline" data-testid="case-link">
          {help.link}
        </a>
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
