import type { Db } from "@/lib/db";
import type { UserActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/security/passwords";
import { consume, reset } from "@/lib/security/rate-limit";

/**
 * 2FA-4: changing or removing a method, or disabling 2FA, needs a session that passed every sign-in step
 * (checked on the session row itself, not only on the cookie) and the password typed again. Wrong passwords
 * count against the same per-account lock as sign-in (ACC-7).
 */
export async function confirmPassword(db: Db, actor: UserActor, password: string): Promise<void> {
  const session = await db.session.findFirst({
    where: { id: actor.sessionId, userId: actor.userId, revokedAt: null, twoFactorPassedAt: { not: null } },
    select: { id: true, user: { select: { passwordHash: true } } },
  });
  if (!session) throw new AppError("FORBIDDEN", "security.errors.twoFactorSessionRequired");
  await checkPasswordAgain(db, actor, session.user.passwordHash, password);
  await db.session.update({ where: { id: session.id }, data: { reauthAt: now() } });
}

/**
 * The account password typed again, for a sensitive change (2FA-4, TOK-1): wrong attempts count against the
 * per-account lock of sign-in (ACC-7) and are logged; a right one clears the count.
 */
export async function checkPasswordAgain(db: Db, actor: UserActor, passwordHash: string, password: string): Promise<void> {
  const key = `reauth|${actor.userId}`;
  // Counted before the check (SEC-1), so parallel guesses cannot slip past the limit.
  const state = await consume("signInPerAccount", key);
  if (!state.allowed) throw new AppError("RATE_LIMITED", "errors.RATE_LIMITED", undefined, state.retryAfterSeconds);
  if (!(await verifyPassword(passwordHash, password))) {
    await db.auditLog.create({
      data: { at: now(), actorKind: "USER", actorId: actor.userId, action: "auth.reauthFailed", ip: actor.ip ?? null, userAgent: actor.userAgent?.slice(0, 400) ?? null },
    });
    throw new AppError("UNAUTHENTICATED", "security.errors.wrongPassword", { password: ["security.errors.wrongPassword"] });
  }
  await reset("signInPerAccount", key);
}
