"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestEmailChangeAction } from "./credentials-actions";

export function ChangeEmailForm() {
  const t = useTranslations("credentials");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(requestEmailChangeAction);
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-3" noValidate aria-labelledby="change-email-heading">
      <h3 id="change-email-heading" className="font-medium">
        {t("changeEmailHeading")}
      </h3>
      <p className="text-sm text-slate-600">{t("changeEmailExplain")}</p>
      {state?.ok ? <Alert tone="success">{t("emailChangeSent", { email: state.data?.newEmail ?? "" })}</Alert> : null}
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Field id="ce-email" label={t("newEmail")} name="email" type="email" autoComplete="email" required error={fieldErrors.email} />
      <Field id="ce-password" label={t("currentPassword")} name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      <Button type="submit" disabled={pending}>
        {t("changeEmail")}
      </Button>
    </form>
  );
}
