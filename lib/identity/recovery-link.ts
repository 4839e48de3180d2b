import { HOUR, now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { VerificationReason } from "@/lib/generated/prisma/enums";
import { hashSecret, randomSecret } from "@/lib/security/tokens";

/** IDV-1: how long the recovery link of an approved forgotten-login case works (once). */
export const RECOVERY_LINK_HOURS = 24;

/** The IDV-1 triggers of the sign-in page's help, whose approval hands the account back through a link. */
export const RECOVERY_REASONS: VerificationReason[] = ["FORGOTTEN_PASSWORD", "FORGOTTEN_LOGIN"];

export function isRecoveryCase(reason: VerificationReason): reason is "FORGOTTEN_PASSWORD" | "FORGOTTEN_LOGIN" {
  return RECOVERY_REASONS.includes(reason);
}

/**
 * IDV-1: on approval of a forgotten-password or forgotten-login case, a password-reset link for the
 * account the documents matched — the case's own account, or, when the person did not know their login
 * e-mail, the one staff name after comparing the documents. The link is random, stored as a SHA-256 with
 * the case it came from (so its page may show the login e-mail), single use and expiring; any other
 * unused reset link of the account dies. It is mailed to the address the case confirmed, not the login
 * e-mail the person can no longer read. Answers the secret (for the mail only) and the account.
 */
export async function makeRecoveryLink(tx: Tx, found: { id: string; userId: string | null }, accountEmail: string | undefined) {
  const account = found.userId
    ? await tx.user.findFirst({ where: { id: found.userId, deletedAt: null }, select: { id: true } })
    : accountEmail
      ? await tx.user.findFirst({ where: { email: accountEmail, deletedAt: null, staffRole: null }, select: { id: true } })
      : null;
  if (!account) {
    const message = accountEmail ? "backofficeVerifications.errors.accountNotFound" : "backofficeVerifications.errors.accountRequired";
    throw new AppError("INVALID_INPUT", message, { accountEmail: [message] });
  }
  const t = now();
  await tx.passwordResetToken.updateMany({ where: { userId: account.id, usedAt: null }, data: { usedAt: t } });
  const secret = randomSecret();
  await tx.passwordResetToken.create({ data: { userId: account.id, tokenHash: hashSecret(secret), caseId: found.id, expiresAt: new Date(t.getTime() + RECOVERY_LINK_HOURS * HOUR) } });
  if (!found.userId) await tx.identityVerification.update({ where: { id: found.id }, data: { userId: account.id } });
  return { secret, userId: account.id };
}

export function recoveryUrl(secret: string): string {
  return `${config.appUrl}/reset-password/${secret}`;
}

/**
 * The reset page's view of a link: usable or not, and — for a link made by an approved forgotten-login
 * case — the login e-mail it recovers (the person proved who they are; the link went to the verified address).
 */
export async function describeResetLink(db: Db, token: string): Promise<{ usable: boolean; loginEmail: string | null }> {
  if (token.length > 200) return { usable: false, loginEmail: null };
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashSecret(token) }, select: { usedAt: true, expiresAt: true, caseId: true, user: { select: { email: true } } } });
  if (!row || row.usedAt || row.expiresAt <= now()) return { usable: false, loginEmail: null };
  return { usable: true, loginEmail: row.caseId ? row.user.email : null };
}
