import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { isResetTokenUsable } from "@/lib/accounts/password-reset";
import { getDb } from "@/lib/db";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("resetTitle") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  if (token.length > 200 || !(await isResetTokenUsable(getDb(), token))) {
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
  return <ResetPasswordForm token={token} />;
}
