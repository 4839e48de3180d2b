"use client";

import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { secureAccountAction } from "./credentials-actions";

/**
 * SEC-8: "compromised account?" — the current password, optionally a new one, and in one step every other
 * session, application password and API token of the account is ended. The page's sessions and security
 * events are there to review what happened.
 */
export function SecureAccountForm() {
  const t = useTranslations("security.compromised");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(secureAccountAction);
  if (state?.ok && state.data) {
    const d = state.data;
    return (
      <div className="space-y-2" data-testid="account-secured">
        <Alert tone="success">{t("done")}</Alert>
        <ul className="list-disc pl-5 text-sm">
          {d.passwordChanged ? <li>{t("donePassword")}</li> : null}
          <li>{t("doneSessions", { count: d.sessions })}</li>
          <li>{t("doneAppPasswords", { count: d.appPasswords })}</li>
          <li>{t("doneApiTokens", { count: d.apiTokens })}</li>
        </ul>
        <p className="text-sm">
          <a href="#events-heading" className="text-brand-700 underline">
            {t("reviewEvents")}
          </a>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-3" noValidate aria-label={t("heading")}>
      {state && !state.ok && !fieldErrors.password && !fieldErrors.newPassword && !fieldErrors.confirm ? <Alert tone="error">{state.message}</Alert> : null}
      <Field id="sa-current" label={t("currentPassword")} name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      <Field id="sa-new" label={t("newPassword")} name="newPassword" type="password" autoComplete="new-password" help={t("newPasswordHelp")} error={fieldErrors.newPassword} />
      <Field id="sa-confirm" label={t("confirmPassword")} name="confirm" type="password" autoComplete="new-password" error={fieldErrors.confirm} />
      <Button type="submit" variant="danger" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
