import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { findEmailChange } from "@/lib/accounts/confirm-email-change";
import { getActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { ConfirmEmailForm } from "./confirm-email-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("credentials"))("confirmTitle") };
}

/** ACC-1: the link sent to the new login e-mail; SEC-2: the link proving the address after sign-up. Signed in or not. */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, change, actor] = await Promise.all([getTranslations("credentials"), findEmailChange(getDb(), token), getActor()]);
  if (!change) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("confirmTitle")}</h1>
        <p role="alert" className="text-sm text-red-800">
          {t("errors.linkInvalid")}
        </p>
      </div>
    );
  }
  return <ConfirmEmailForm token={token} newEmail={change.newEmail} confirmation={change.confirmation} signedIn={actor !== null} />;
}
