import type { Db, Tx } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { sendEmail } from "@/lib/notifications/send-email";
import { consumeOrThrow } from "@/lib/security/rate-limit";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { maskPhoneNumber, normalisePhoneNumber } from "@/lib/sms/phone-number";
import { SECOND_STEP_WINDOW_MS, type PendingSession, type RequestMeta } from "@/lib/two-factor/verify-second-factor";
import { caseUrl } from "./case-link";
import { CASE_LIFETIME_MS, caseExpiresAt, OPEN_STATUSES } from "./rules";

/** What the page may say: where the link went and until when. Never the link itself (SEC-3). */
export type HelpRequest = { email: string; expiresAt: Date; reused: boolean; phoneMasked: string | null };

/**
 * 2FA-3 / IDV-1: "request help" at the second sign-in step, for a user who lost every second factor.
 * Opens an identity-verification case, or reuses the user's open one (one at a time): the link is then
 * renewed, because only the hash of its secret is kept.
 *
 * SEC-3: the session asking has passed the password only, so the link goes to the login e-mail and
 * nowhere else (it is not answered here), and the phone that the case confirms is the one the account
 * already has — its SMS method's number, else the profile's — never one typed during the recovery. An
 * account without a phone skips that step: its case goes to staff with "no phone on the account".
 */
export async function requestTwoFactorHelp(db: Db, session: PendingSession, meta: RequestMeta = {}): Promise<HelpRequest> {
  const live = await db.session.findFirst({
    where: { id: session.id, userId: session.userId, revokedAt: null, expiresAt: { gt: now() } },
    select: { twoFactorPassedAt: true, createdAt: true, user: { select: { email: true, locale: true, timeZone: true, phone: true } } },
  });
  if (!live) throw new AppError("UNAUTHENTICATED");
  // Only for the password-checked session still waiting for its second step, within that step's window.
  if (live.twoFactorPassedAt) throw new AppError("CONFLICT", "verification.errors.notNeeded");
  if (now().getTime() - live.createdAt.getTime() > SECOND_STEP_WINDOW_MS) throw new AppError("UNAUTHENTICATED", "twoFactor.errors.expired");
  await consumeOrThrow("identityHelpPerUser", session.userId);

  const actor: Actor = { kind: "user", userId: session.userId, sessionId: session.id, staffRole: session.staffRole, ip: meta.ip, userAgent: meta.userAgent };
  const secret = randomSecret();
  const { createdAt, reused, phone } = await db.$transaction(async (tx) => {
    // The user's row is the lock that keeps two concurrent requests from opening two cases.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${session.userId} FOR UPDATE`;
    const t = now();
    const cutoff = new Date(t.getTime() - CASE_LIFETIME_MS);
    // A case past its 72 hours that the purge job has not reached yet is closed now; its files go with the next purge.
    await tx.identityVerification.updateMany({ where: { userId: session.userId, status: { in: OPEN_STATUSES }, createdAt: { lte: cutoff } }, data: { status: "EXPIRED" } });
    const open = await tx.identityVerification.findFirst({
      where: { userId: session.userId, status: { in: OPEN_STATUSES } },
      select: { id: true, createdAt: true, phone: true },
    });
    if (open) {
      await tx.identityVerification.update({ where: { id: open.id }, data: { tokenHash: hashSecret(secret) } });
      await audit(tx, actor, { action: "identityVerification.linkRenewed", targetId: open.id });
      return { caseId: open.id, createdAt: open.createdAt, reused: true, phone: open.phone };
    }
    const phone = await accountPhone(tx, session.userId, live.user.phone);
    const created = await tx.identityVerification.create({
      // Without a phone on the account there is no phone step: the case waits for the photos at once.
      data: { userId: session.userId, email: live.user.email, reason: "LOST_TWO_FACTOR", tokenHash: hashSecret(secret), phone, status: phone ? "OPEN" : "PHONE_CONFIRMED", createdAt: t },
      select: { id: true, createdAt: true },
    });
    await audit(tx, actor, { action: "identityVerification.opened", targetId: created.id, metadata: { reason: "LOST_TWO_FACTOR", phoneStep: !!phone } });
    return { caseId: created.id, createdAt: created.createdAt, reused: false, phone };
  });

  const expiresAt = caseExpiresAt(createdAt);
  await sendEmail(db, {
    to: live.user.email,
    template: "verificationRequested",
    params: { link: caseUrl(secret), expiresAt, timeZone: live.user.timeZone },
    locale: live.user.locale,
  });
  return { email: live.user.email, expiresAt, reused, phoneMasked: phone ? maskPhoneNumber(phone) : null };
}

/** The account's own phone: its default (else oldest) active SMS method's number, else the profile's. */
export async function accountPhone(tx: Tx, userId: string, profilePhone: string | null): Promise<string | null> {
  const sms = await tx.twoFactorMethod.findFirst({
    where: { userId, type: "SMS", confirmedAt: { not: null }, phone: { not: null } },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
    select: { phone: true },
  });
  return sms?.phone ?? (profilePhone ? normalisePhoneNumber(profilePhone) : null);
}
