import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { describeResetLink } from "@/lib/identity/recovery-link";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("resetTitle") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const link = await describeResetLink(getDb(), token);
  if (!link.usable) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("resetTitle")}</h1>
        <p role="alert" className="text-sm text-red-800">{t("linkExpired")}</p>
        <Link href="/forgot-password" className="text-sm text-brand-700 underline">
          {t("askNewLink")}
        </Link>
      </div>
    );
  }
  if (!link.loginEmail) return <ResetPasswordForm token={token} />;
  // IDV-1: a recovery link after an approved identity check shows the login e-mail the person forgot.
  return (
    <div className="space-y-4">
      <p className="rounded border border-slate-200 bg-slate-50 p-3 text-sm" data-testid="recovered-login">
        {t("recoveredLogin")} <strong>{link.loginEmail}</strong>
      </p>
      <ResetPasswordForm token={token} />
    </div>
  );
}
