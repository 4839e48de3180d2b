"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { resendEmailConfirmationAction } from "@/lib/actions/email-confirmation";

/**
 * SEC-2: shown in the console while the login e-mail is not proven. The account uses its own Organization
 * meanwhile; the button mails a new confirmation link (limited per account).
 */
export function EmailConfirmationNotice({ email }: { email: string }) {
  const t = useTranslations("shell.emailConfirmation");
  const [state, formAction, pending] = useActionState(resendEmailConfirmationAction, null);
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <p>{t("notice", { email })}</p>
      <form action={formAction} className="ml-auto flex items-center gap-3">
        {state?.ok ? (
          <span role="status">{t("sent", { email })}</span>
        ) : state && !state.ok ? (
          <span role="alert" className="text-red-800">
            {state.message}
          </span>
        ) : null}
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("sending") : t("resend")}
        </Button>
      </form>
    </div>
  );
}
