import QRCode from "qrcode";
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { sendEmail } from "@/lib/notifications/send-email";
import { consumeOrThrow } from "@/lib/security/rate-limit";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { SECOND_STEP_WINDOW_MS, type PendingSession, type RequestMeta } from "@/lib/two-factor/verify-second-factor";
import { caseUrl } from "./case-link";
import { CASE_LIFETIME_MS, caseExpiresAt, OPEN_STATUSES } from "./rules";

export type HelpRequest = { link: string; qrDataUrl: string; email: string; expiresAt: Date; reused: boolean };

/**
 * 2FA-3 / IDV-1: "request help" at the second sign-in step, for a user who lost every second factor.
 * Opens an identity-verification case, or reuses the user's open one (one at a time): the link is then
 * renewed, because only the hash of its secret is kept and the old secret cannot be shown again.
 * The link goes to the login e-mail and is answered here for the page to show with a QR code.
 */
export async function requestTwoFactorHelp(db: Db, session: PendingSession, meta: RequestMeta = {}): Promise<HelpRequest> {
  const live = await db.session.findFirst({
    where: { id: session.id, userId: session.userId, revokedAt: null, expiresAt: { gt: now() } },
    select: { twoFactorPassedAt: true, createdAt: true, user: { select: { email: true, locale: true, timeZone: true } } },
  });
  if (!live) throw new AppError("UNAUTHENTICATED");
  // Only for the password-checked session still waiting for its second step, within that step's window.
  if (live.twoFactorPassedAt) throw new AppError("CONFLICT", "verification.errors.notNeeded");
  if (now().getTime() - live.createdAt.getTime() > SECOND_STEP_WINDOW_MS) throw new AppError("UNAUTHENTICATED", "twoFactor.errors.expired");
  await consumeOrThrow("identityHelpPerUser", session.userId);

  const actor: Actor = { kind: "user", userId: session.userId, sessionId: session.id, staffRole: session.staffRole, ip: meta.ip, userAgent: meta.userAgent };
  const secret = randomSecret();
  const { createdAt, reused } = await db.$transaction(async (tx) => {
    // The user's row is the lock that keeps two concurrent requests from opening two cases.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${session.userId} FOR UPDATE`;
    const t = now();
    const cutoff = new Date(t.getTime() - CASE_LIFETIME_MS);
    // A case past its 72 hours that the purge job has not reached yet is closed now; its files go with the next purge.
    await tx.identityVerification.updateMany({ where: { userId: session.userId, status: { in: OPEN_STATUSES }, createdAt: { lte: cutoff } }, data: { status: "EXPIRED" } });
    const open = await tx.identityVerification.findFirst({
      where: { userId: session.userId, status: { in: OPEN_STATUSES } },
      select: { id: true, createdAt: true },
    });
    if (open) {
      await tx.identityVerification.update({ where: { id: open.id }, data: { tokenHash: hashSecret(secret) } });
      await audit(tx, actor, { action: "identityVerification.linkRenewed", targetId: open.id });
      return { caseId: open.id, createdAt: open.createdAt, reused: true };
    }
    const created = await tx.identityVerification.create({
      data: { userId: session.userId, email: live.user.email, reason: "LOST_TWO_FACTOR", tokenHash: hashSecret(secret), createdAt: t },
      select: { id: true, createdAt: true },
    });
    await audit(tx, actor, { action: "identityVerification.opened", targetId: created.id, metadata: { reason: "LOST_TWO_FACTOR" } });
    return { caseId: created.id, createdAt: created.createdAt, reused: false };
  });

  const link = caseUrl(secret);
  const expiresAt = caseExpiresAt(createdAt);
  await sendEmail(db, {
    to: live.user.email,
    template: "verificationRequested",
    params: { link, expiresAt, timeZone: live.user.timeZone },
    locale: live.user.locale,
  });
  const qrDataUrl = await QRCode.toDataURL(link, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { link, qrDataUrl, email: live.user.email, expiresAt, reused };
}
