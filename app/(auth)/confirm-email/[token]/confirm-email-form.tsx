"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmEmailChangeAction } from "./actions";

/**
 * A button rather than a change on opening: mail scanners that prefetch links must not use them up.
 * `confirmation`: the link proves the account's current address (SEC-2) instead of changing it (ACC-1).
 */
export function ConfirmEmailForm({ token, newEmail, signedIn, confirmation }: { token: string; newEmail: string; signedIn: boolean; confirmation: boolean }) {
  const t = useTranslations("credentials");
  const [state, formAction, pending] = useActionState(confirmEmailChangeAction, null);
  const title = confirmation ? t("confirmAddressTitle") : t("confirmTitle");
  if (state?.ok) {
    const email = state.data?.email ?? newEmail;
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{title}</h1>
        <Alert tone="success">{confirmation ? t("addressConfirmed", { email }) : t("emailChanged", { email })}</Alert>
        <Link href={signedIn ? "/" : "/sign-in"} className="text-sm text-brand-700 underline">
          {signedIn ? t("continue") : t("signIn")}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <h1 className="text-xl font-semibold">{title}</h1>
      {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
      <p className="text-sm">{confirmation ? t("confirmAddressExplain", { email: newEmail }) : t("confirmExplain", { email: newEmail })}</p>
      <input type="hidden" name="token" value={token} />
      <Button type="submit" className="w-full" disabled={pending}>
        {confirmation ? t("confirmAddressButton") : t("confirmButton")}
      </Button>
    </form>
  );
}
