"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(resetPasswordAction, null);
  const fe = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold">{t("resetTitle")}</h1>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field label={t("newPassword")} name="password" type="password" autoComplete="new-password" required help={t("passwordHelp")} error={fe.password} />
      <Field label={t("confirmPassword")} name="confirm" type="password" autoComplete="new-password" required error={fe.confirm} />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("savePassword")}
      </Button>
    </form>
  );
}
