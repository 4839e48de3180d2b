import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth/get-actor";
import { RequestHelpForm } from "./request-help-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verification"))("helpTitle") };
}

/** 2FA-3 / IDV-2: explains the identity verification and opens the case, for a session waiting for its second step. */
export default async function RequestHelpPage() {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  if (session.twoFactorPassed) redirect("/");
  const t = await getTranslations("verification");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">{t("helpTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("helpIntro")}</p>
      </div>
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>{t("helpStepPhone")}</li>
        <li>{t("helpStepDocument")}</li>
        <li>{t("helpStepReview")}</li>
      </ol>
      <p className="text-sm text-slate-600">{t("privacy")}</p>
      <RequestHelpForm />
      <Link href="/sign-in/two-factor" className="block text-sm text-slate-600 underline">
        {t("backToSecondStep")}
      </Link>
    </div>
  );
}
