import { getTranslations } from "next-intl/server";
import type { UserActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { ChangeEmailForm } from "./change-email-form";
import { ChangePasswordForm } from "./change-password-form";
import { Section } from "@/components/ui/section";

/** ACC-1: the login e-mail and the password of the account, each changed after the password is typed again. */
export async function CredentialsSection({ actor }: { actor: UserActor }) {
  const [t, user] = await Promise.all([
    getTranslations("credentials"),
    getDb().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } }),
  ]);
  return (
    <Section id="credentials-heading" title={t("heading")}>
      <p className="text-sm">
        {t("loginEmail")} <strong data-testid="login-email">{user.email}</strong>
      </p>
      <p className="text-sm text-slate-600">{t("separateIdentities")}</p>
      <div className="grid gap-6 md:grid-cols-2">
        <ChangePasswordForm />
        <ChangeEmailForm />
      </div>
    </Section>
  );
}
