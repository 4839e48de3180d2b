"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestResetAction } from "./actions";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(requestResetAction, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div>
        <h1 className="text-xl font-semibold">{t("forgotTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("forgotSubtitle")}</p>
      </div>
      {state?.ok ? <Alert tone="success">{t("linkSent")}</Alert> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Field label={t("email")} name="email" type="email" autoComplete="username" required error={state && !state.ok ? state.fieldErrors?.email : undefined} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("sending") : t("sendLink")}
      </Button>
      <Link href="/sign-in/help?reason=FORGOTTEN_PASSWORD" className="block text-sm text-brand-700 underline">
        {t("identityHelp.noEmailLink")}
      </Link>
      <Link href="/sign-in" className="block text-sm text-brand-700 underline">
        {t("backToSignIn")}
      </Link>
    </form>
  );
}
