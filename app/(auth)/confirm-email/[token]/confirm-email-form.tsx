"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmEmailChangeAction } from "./actions";

/** A button rather than a change on opening: mail scanners that prefetch links must not use them up. */
export function ConfirmEmailForm({ token, newEmail, signedIn }: { token: string; newEmail: string; signedIn: boolean }) {
  const t = useTranslations("credentials");
  const [state, formAction, pending] = useActionState(confirmEmailChangeAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("confirmTitle")}</h1>
        <Alert tone="success">{t("emailChanged", { email: state.data?.email ?? newEmail })}</Alert>
        <Link href={signedIn ? "/" : "/sign-in"} className="text-sm text-brand-700 underline">
          {signedIn ? t("continue") : t("signIn")}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <h1 className="text-xl font-semibold">{t("confirmTitle")}</h1>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <p className="text-sm">{t("confirmExplain", { email: newEmail })}</p>
      <input type="hidden" name="token" value={token} />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("confirmButton")}
      </Button>
    </form>
  );
}
