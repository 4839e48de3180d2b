"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { deleteAccountAction } from "./actions";

/**
 * Account deletion: the password again, a code when two-step verification is on, and an explicit
 * confirmation. Once deleted every session has ended, so the browser goes to the sign-in page.
 */
export function DeleteAccountForm({ needsCode }: { needsCode: boolean }) {
  const t = useTranslations("privacy");
  const { state, onSubmit, pending, fieldErrors } = useFormAction(deleteAccountAction);
  const router = useRouter();
  const deleted = state?.ok === true;
  useEffect(() => {
    if (deleted) router.push("/sign-in");
  }, [deleted, router]);
  if (deleted) return <Alert tone="success">{t("deleted")}</Alert>;
  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-3" noValidate data-testid="delete-account-form">
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <Field id="delete-password" label={t("password")} name="password" type="password" autoComplete="current-password" required error={fieldErrors.password} />
      {needsCode ? <Field id="delete-code" label={t("code")} name="code" inputMode="numeric" autoComplete="one-time-code" help={t("codeHelp")} error={fieldErrors.code} /> : null}
      <div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="confirm" aria-describedby={fieldErrors.confirm ? "delete-confirm-error" : undefined} />
          <span>{t("confirm")}</span>
        </label>
        {fieldErrors.confirm ? (
          <p id="delete-confirm-error" className="text-sm text-red-800">
            {fieldErrors.confirm}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="danger" disabled={pending}>
        {t("deleteButton")}
      </Button>
    </form>
  );
}
