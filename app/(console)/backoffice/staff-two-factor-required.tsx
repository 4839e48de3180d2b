import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PlainShell } from "@/components/shell/plain-shell";
import { Alert } from "@/components/ui/alert";
import type { UserActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";

/**
 * SEC-3: what a member of staff sees in the back office when their session did not pass a second factor:
 * set one up (or sign in again with it). The back-office services refuse such a session in any case.
 */
export async function StaffTwoFactorRequired({ actor }: { actor: UserActor }) {
  const [t, methods] = await Promise.all([
    getTranslations("backoffice"),
    getDb().twoFactorMethod.count({ where: { userId: actor.userId, confirmedAt: { not: null } } }),
  ]);
  return (
    <PlainShell actor={actor}>
      <div className="max-w-xl space-y-3" data-testid="staff-two-factor-required">
        <h1 className="text-2xl font-semibold">{t("twoFactorTitle")}</h1>
        <Alert tone="error">{t("errors.twoFactorRequired")}</Alert>
        <p className="text-sm">{t(methods > 0 ? "twoFactorSignInAgain" : "twoFactorSetUp")}</p>
        {methods === 0 ? (
          <Link href="/account/security" className="text-sm text-brand-700 underline">
            {t("twoFactorSecurityPage")}
          </Link>
        ) : null}
      </div>
    </PlainShell>
  );
}
