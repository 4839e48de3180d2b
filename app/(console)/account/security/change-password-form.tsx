"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { changePasswordAction } from "./credentials-actions";
import { EndOtherSessionsOffer } from "./end-other-sessions-offer";

export function ChangePasswordForm() {
  const t = useTranslations("credentials");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(changePasswordAction);
  if (state?.ok) {
    return (
      <div className="space-y-3">
        <Alert tone="success">{t("passwordChanged")}</Alert>
        <EndOtherSessionsOffer count={state.data?.otherSessions ?? 0} />
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-3" noValidate aria-labelledby="change-password-heading">
      <h3 id="change-password-heading" className="font-medium">
        {t("changePasswordHeading")}
      </h3>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Field id="cp-current" label={t("currentPassword")} name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      <Field
        id="cp-new"
        label={t("newPassword")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        help={t("newPasswordHelp")}
        error={fieldErrors.newPassword}
      />
      <Field id="cp-confirm" label={t("confirmPassword")} name="confirm" type="password" autoComplete="new-password" required error={fieldErrors.confirm} />
      <Button type="submit" disabled={pending}>
        {t("changePassword")}
      </Button>
    </form>
  );
}
