import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { IdentityHelpForm } from "./identity-help-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.identityHelp"))("title") };
}

/**
 * IDV-1: the sign-in page's help for "I forgot my password and can no longer reach my login e-mail" and
 * "I forgot my login e-mail": both lead to an identity verification whose link goes to an address the
 * person can read now.
 */
export default async function IdentityHelpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { reason } = await searchParams;
  const [t, tv] = await Promise.all([getTranslations("auth.identityHelp"), getTranslations("verification")]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>{tv("helpStepPhone")}</li>
        <li>{tv("helpStepDocument")}</li>
        <li>{tv("helpStepReview")}</li>
      </ol>
      <p className="text-sm text-slate-600">{tv("privacy")}</p>
      <IdentityHelpForm initialReason={reason === "FORGOTTEN_LOGIN" ? "FORGOTTEN_LOGIN" : "FORGOTTEN_PASSWORD"} />
      <Link href="/sign-in" className="block text-sm text-brand-700 underline">
        {t("backToSignIn")}
      </Link>
    </div>
  );
}
