import { createHash } from "node:crypto";
import { z } from "zod";
import type { UserActor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockOrganizationMembers, MEMBER_TX_OPTIONS } from "@/lib/members/legal-representatives";
import { sendEmail } from "@/lib/notifications/send-email";
import { consume, reset } from "@/lib/security/rate-limit";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { consumeBackupCode } from "@/lib/two-factor/backup-codes";
import { checkPasswordAgain } from "@/lib/two-factor/reauth";
import { acceptTotp } from "@/lib/two-factor/verify-second-factor";

export const deleteAccountSchema = z.object({
  password: z.string().min(1, "validation.required").max(200),
  /** A code of the authenticator app (or a backup code), when two-step verification is on. */
  code: z.string().trim().max(40).optional().default(""),
  confirm: z.preprocess((v) => v === "on" || v === "true" || v === true, z.literal(true, { message: "privacy.errors.confirmRequired" })),
});

/** The pseudonym a deleted person keeps in activity logs: stable, short, and not derived from anything personal but the row id. */
export function pseudonymOf(userId: string): string {
  return createHash("sha256").update(userId).digest("hex").slice(0, 8);
}

/**
 * The Organizations the person is the only legal representative of (ORG-3): deleting the account would
 * leave them without one — and their data without an owner — so the person must hand them over first.
 */
export async function accountDeletionBlockers(db: Db | Tx, userId: string): Promise<{ id: string; name: string }[]> {
  const mine = await db.membership.findMany({ where: { userId, role: "LEGAL_REPRESENTATIVE" }, select: { orgId: true, organization: { select: { name: true } } }, orderBy: { orgId: "asc" } });
  const blockers: { id: string; name: string }[] = [];
  for (const m of mine) {
    const others = await db.membership.count({ where: { orgId: m.orgId, role: "LEGAL_REPRESENTATIVE", userId: { not: userId } } });
    if (others === 0) blockers.push({ id: m.orgId, name: m.organization.name });
  }
  return blockers;
}

/**
 * The person deletes their own account, after typing the password again and, with two-step verification
 * on, a code. Refused while they are the only legal representative of an Organization. Otherwise, in one
 * transaction: memberships, sessions, API tokens, application passwords, second factors, devices and
 * pending links end at once, active support grants are revoked, and the profile is erased — the row stays
 * under a pseudonym ("deleted user 1a2b3c4d") so the activity logs keep who did what without naming them.
 * A confirmation goes to the former login e-mail.
 */
export async function deleteAccount(db: Db, actor: UserActor, raw: z.input<typeof deleteAccountSchema>): Promise<{ pseudonym: string }> {
  const input = deleteAccountSchema.parse(raw);
  const user = await db.user.findFirst({
    where: { id: actor.userId, deletedAt: null },
    select: { id: true, email: true, firstName: true, locale: true, passwordHash: true, staffRole: true, twoFactorMethods: { where: { confirmedAt: { not: null } }, select: { id: true } } },
  });
  if (!user) throw new AppError("UNAUTHENTICATED");
  // Staff accounts are the provider's, not the person's: an administrator removes them.
  if (user.staffRole) throw new AppError("FORBIDDEN", "privacy.errors.staffAccount");
  await checkPasswordAgain(db, actor, user.passwordHash, input.password);
  if (user.twoFactorMethods.length > 0) await checkCode(db, user.id, input.code);

  const pseudonym = pseudonymOf(user.id);
  await db.$transaction(async (tx) => {
    // ORG-3: the Organizations' rows first (sorted, so two deletions never wait on each other in turn), then the count.
    const led = await tx.membership.findMany({ where: { userId: user.id, role: "LEGAL_REPRESENTATIVE" }, select: { orgId: true }, orderBy: { orgId: "asc" } });
    for (const m of led) await lockOrganizationMembers(tx, m.orgId);
    if ((await accountDeletionBlockers(tx, user.id)).length > 0) throw new AppError("CONFLICT", "privacy.errors.onlyLegalRepresentative");
    const t = now();
    const memberships = await tx.membership.deleteMany({ where: { userId: user.id } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.apiToken.deleteMany({ where: { userId: user.id } });
    await tx.appPassword.deleteMany({ where: { userId: user.id } });
    await tx.twoFactorMethod.deleteMany({ where: { userId: user.id } });
    await tx.backupCode.deleteMany({ where: { userId: user.id } });
    await tx.knownDevice.deleteMany({ where: { userId: user.id } });
    await tx.passwordResetToken.deleteMany({ where: { userId: user.id } });
    await tx.emailChangeRequest.deleteMany({ where: { userId: user.id } });
    await tx.supportGrant.updateMany({ where: { userId: user.id, revokedAt: null, expiresAt: { gt: t } }, data: { revokedAt: t } });
    await tx.user.update({
      where: { id: user.id },
      data: {
        email: `deleted-${user.id}@deleted.invalid`,
        firstName: "Deleted user",
        lastName: pseudonym,
        phone: null,
        // Nothing can sign in with this: a hash of a random secret nobody was given.
        passwordHash: hashSecret(randomSecret()),
        lastOrgId: null,
        emailVerifiedAt: null,
        blockedAt: t,
        deletedAt: t,
      },
    });
    await audit(tx, actor, { action: "account.deleted", targetId: user.id, metadata: { pseudonym, memberships: memberships.count } });
  }, MEMBER_TX_OPTIONS);

  await sendEmail(db, { to: user.email, template: "accountDeleted", params: { name: user.firstName }, locale: user.locale });
  return { pseudonym };
}

/** 2FA-4: the authenticator app's code or a backup code, counted against the per-account limit of codes. */
async function checkCode(db: Db, userId: string, code: string): Promise<void> {
  if (!code) throw new AppError("INVALID_INPUT", "privacy.errors.codeRequired", { code: ["privacy.errors.codeRequired"] });
  const limit = await consume("twoFactorPerAccount", userId);
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "errors.RATE_LIMITED", undefined, limit.retryAfterSeconds);
  const ok = (await acceptTotp(db, userId, code)) || (await consumeBackupCode(db, userId, code));
  if (!ok) throw new AppError("INVALID_INPUT", "twoFactor.errors.wrongCode", { code: ["twoFactor.errors.wrongCode"] });
  await reset("twoFactorPerAccount", userId);
}
