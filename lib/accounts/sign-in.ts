import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createSession } from "@/lib/auth/sessions";
import { dummyPasswordHash, verifyPassword } from "@/lib/security/passwords";
import { clearLimits, consume, consumeBackoff, refund } from "@/lib/security/rate-limit";
import { alertNewDevice, rememberDevice } from "./known-devices";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(200),
});

export type SignInMeta = { ip?: string | null; userAgent?: string | null };

/**
 * ACC-7 / SEC-1: checks the password. Every attempt is counted *before* the password is checked, per
 * e-mail+address, per address, and per account from any address (a backoff), so neither a parallel burst
 * nor a spread of addresses gets more guesses than the limits allow. Every failure answers the same
 * INVALID_CREDENTIALS whether or not the e-mail exists, and takes the same time (a dummy hash is verified);
 * the limits are keyed on the typed e-mail, so they behave alike for unknown addresses too.
 */
export async function signInWithPassword(db: Db, raw: unknown, meta: SignInMeta) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("UNAUTHENTICATED", "errors.invalidCredentials");
  const { email, password } = parsed.data;
  const ip = meta.ip ?? "unknown";
  await consumePasswordAttempt(email, ip);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, locale: true, timeZone: true, passwordHash: true, blockedAt: true, twoFactorMethods: { where: { confirmedAt: { not: null } }, select: { id: true } } },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || user.blockedAt) {
    await db.auditLog.create({
      data: { at: now(), actorKind: "USER", actorId: user?.id ?? null, action: "auth.signInFailed", ip, userAgent: meta.userAgent?.slice(0, 400), metadata: { email } },
    });
    throw new AppError("UNAUTHENTICATED", "errors.invalidCredentials");
  }
  await Promise.all([
    clearLimits([
      ["signInPerAccount", `${email}|${ip}`],
      ["passwordBackoff", email],
    ]),
    refund("signInPerIp", ip),
  ]);

  const result = await db.$transaction(async (tx) => {
    const twoFactorPassed = user.twoFactorMethods.length === 0;
    const device = await rememberDevice(tx, user.id, meta);
    const session = await createSession(tx, { userId: user.id, ip: meta.ip, userAgent: meta.userAgent, twoFactorPassed });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now() } });
    await audit(tx, { kind: "user", userId: user.id, sessionId: session.sessionId, staffRole: null, ...meta }, {
      action: "auth.signedIn",
      targetId: session.sessionId,
      metadata: { twoFactorPending: !twoFactorPassed, newDevice: device.isNew },
    });
    return { userId: user.id, ...session, twoFactorPending: !twoFactorPassed, device };
  });
  // Issue 4 §11: an e-mail on a sign-in from an unknown device, sent after the commit without waiting.
  if (result.device.alert) alertNewDevice(db, user, { ip: meta.ip, label: result.device.label });
  const { device: _device, ...signedIn } = result;
  return signedIn;
}

/**
 * Counts a password attempt against every limit it falls under, in order: the address's and the
 * e-mail+address's windows first, so an address already refused does not also push the account's backoff.
 */
async function consumePasswordAttempt(email: string, ip: string): Promise<void> {
  const [perAddress, perIp] = await Promise.all([consume("signInPerAccount", `${email}|${ip}`), consume("signInPerIp", ip)]);
  if (!perAddress.allowed || !perIp.allowed) {
    throw new AppError("RATE_LIMITED", "errors.signInLocked", undefined, Math.max(perAddress.allowed ? 0 : perAddress.retryAfterSeconds, perIp.allowed ? 0 : perIp.retryAfterSeconds));
  }
  const perAccount = await consumeBackoff("passwordBackoff", email);
  if (!perAccount.allowed) throw new AppError("RATE_LIMITED", "errors.signInLocked", undefined, perAccount.retryAfterSeconds);
}
