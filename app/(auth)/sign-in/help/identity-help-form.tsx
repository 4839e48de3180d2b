"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { requestIdentityCheckAction } from "./actions";

type Reason = "FORGOTTEN_PASSWORD" | "FORGOTTEN_LOGIN";

/** IDV-1: which problem, an address the person can read now, and the login e-mail when they still know it. */
export function IdentityHelpForm({ initialReason }: { initialReason: Reason }) {
  const t = useTranslations("auth.identityHelp");
  const locale = useLocale();
  const [reason, setReason] = useState<Reason>(initialReason);
  const { state, onSubmit, pending, fieldErrors } = useFormAction(requestIdentityCheckAction);
  if (state?.ok) return <Alert tone="success">{t("sent", { email: state.data?.email ?? "" })}</Alert>;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("reasonLegend")}</legend>
        {(["FORGOTTEN_PASSWORD", "FORGOTTEN_LOGIN"] as const).map((r) => (
          <label key={r} className="flex items-start gap-2 rounded-md border border-slate-200 p-3 text-sm">
            <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} className="mt-1" />
            <span>{t(`reasons.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      {reason === "FORGOTTEN_PASSWORD" ? <Field label={t("loginEmail")} name="loginEmail" type="email" autoComplete="username" required error={fieldErrors.loginEmail} /> : null}
      <Field label={t("contactEmail")} name="contactEmail" type="email" autoComplete="email" required help={t("contactEmailHelp")} error={fieldErrors.contactEmail} />
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
