import type { Db } from "@/lib/db";
import { DAY, MINUTE, now } from "@/lib/clock";
import { config } from "@/lib/config";
import { sendEmail } from "@/lib/notifications/send-email";
import { consume } from "@/lib/security/rate-limit";
import { hashSecret, randomSecret } from "@/lib/security/tokens";

export const RESET_LINK_MINUTES = 60;

/** A request from an address the account signed in from this recently counts as the owner's own. */
const KNOWN_ADDRESS_DAYS = 90;

export type ResetDelivery = "sent" | "noAccount" | "dropped" | "alreadyHandled";

/**
 * ACC-4 / SEC-9: the second half of a reset request, run after the answer (or by the catch-up job): claims
 * the request once, and, when the address has an active account, makes a single-use link and mails it.
 * Mails to one account are capped per hour (extra ones are dropped silently, the requester is told
 * nothing different) unless the request came from an address the account itself signed in from, so a
 * stranger can neither mail-bomb an account nor use up its owner's resets.
 */
export async function deliverPasswordReset(db: Db, requestId: string): Promise<ResetDelivery> {
  const claimed = await db.passwordResetRequest.updateMany({ where: { id: requestId, processedAt: null }, data: { processedAt: now() } });
  if (claimed.count !== 1) return "alreadyHandled";
  const request = await db.passwordResetRequest.findUniqueOrThrow({ where: { id: requestId }, select: { email: true, ip: true } });
  const user = await db.user.findUnique({ where: { email: request.email }, select: { id: true, locale: true, blockedAt: true } });
  if (!user || user.blockedAt) return "noAccount";

  const ownAddress =
    !!request.ip &&
    (await db.session.count({ where: { userId: user.id, ip: request.ip, createdAt: { gt: new Date(now().getTime() - KNOWN_ADDRESS_DAYS * DAY) } } })) > 0;
  if (!ownAddress && !(await consume("passwordResetMailPerEmail", request.email)).allowed) return "dropped";

  const secret = randomSecret();
  await db.passwordResetToken.create({
    data: { userId: user.id, tokenHash: hashSecret(secret), expiresAt: new Date(now().getTime() + RESET_LINK_MINUTES * MINUTE) },
  });
  await db.auditLog.create({ data: { at: now(), actorKind: "USER", actorId: user.id, action: "auth.passwordResetRequested", ip: request.ip } });
  await sendEmail(db, {
    to: request.email,
    template: "passwordReset",
    params: { link: `${config.appUrl}/reset-password/${secret}`, expiresInMinutes: RESET_LINK_MINUTES },
    locale: user.locale,
  });
  return "sent";
}

/**
 * The catch-up job: delivers requests whose after-the-answer step did not run (a restarted server), and
 * forgets handled requests after a day (they hold addresses typed by anyone).
 */
export async function deliverPendingPasswordResets(db: Db): Promise<Record<string, number>> {
  const pending = await db.passwordResetRequest.findMany({
    where: { processedAt: null, requestedAt: { lt: new Date(now().getTime() - MINUTE) } },
    select: { id: true },
    orderBy: { requestedAt: "asc" },
    take: 500,
  });
  let sent = 0;
  for (const { id } of pending) if ((await deliverPasswordReset(db, id)) === "sent") sent++;
  const purged = await db.passwordResetRequest.deleteMany({ where: { requestedAt: { lt: new Date(now().getTime() - DAY) } } });
  return { handled: pending.length, sent, purged: purged.count };
}
