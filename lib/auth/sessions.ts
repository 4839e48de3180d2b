import type { Db, Tx } from "@/lib/db";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { DAY, MINUTE, now } from "@/lib/clock";
import { hashSecret, randomSecret } from "@/lib/security/tokens";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** A session left unused this long ends, whatever its absolute expiry (SESSION_IDLE_DAYS, default 7). */
export function sessionIdleLimitMs(): number {
  const days = Number(process.env.SESSION_IDLE_DAYS);
  return (Number.isFinite(days) && days > 0 ? days : 7) * DAY;
}

/**
 * Creates a database session. The returned secret goes (signed) into the session cookie; only its hash
 * is stored, so a leaked database cannot be replayed as cookies.
 */
export async function createSession(
  db: Tx,
  input: { userId: string; ip?: string | null; userAgent?: string | null; twoFactorPassed: boolean; secondFactor?: boolean },
): Promise<{ sessionId: string; secret: string }> {
  const secret = randomSecret();
  const t = now();
  const session = await db.session.create({
    data: {
      userId: input.userId,
      tokenHash: hashSecret(secret),
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 400) ?? null,
      twoFactorPassedAt: input.twoFactorPassed ? t : null,
      secondFactorAt: input.twoFactorPassed && input.secondFactor ? t : null,
      createdAt: t,
      lastSeenAt: t,
      expiresAt: new Date(t.getTime() + 30 * DAY),
    },
    select: { id: true },
  });
  return { sessionId: session.id, secret };
}

export type ResolvedSession = {
  id: string;
  userId: string;
  twoFactorPassed: boolean;
  /**
   * SEC-3: this session passed a real second factor (not merely "no 2FA to pass") and the person still has
   * one. Staff need it to act as staff.
   */
  secondFactor: boolean;
  user: {
    id: string;
    email: string;
    firstName: string;
    lastName: string;
    locale: string;
    theme: string | null;
    staffRole: StaffRole | null;
    lastOrgId: string | null;
    emailVerifiedAt: Date | null;
    /** Raised by the database whenever the person's Organizations or roles change (lib/shell/shell-cache.ts). */
    shellVersion: number;
  };
};

/** Looks up a live session from the cookie's secret; revoked or expired sessions resolve to null. */
export async function resolveSession(db: Db, secret: string): Promise<ResolvedSession | null> {
  const row = await db.session.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: {
      id: true,
      userId: true,
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      twoFactorPassedAt: true,
      secondFactorAt: true,
      user: {
        select: {
          id: true,
          email: true,
          firstName: true,
          lastName: true,
          locale: true,
          theme: true,
          staffRole: true,
          lastOrgId: true,
          emailVerifiedAt: true,
          shellVersion: true,
          blockedAt: true,
          _count: { select: { twoFactorMethods: { where: { confirmedAt: { not: null } } } } },
        },
      },
    },
  });
  const t = now();
  if (!row || row.revokedAt || row.expiresAt <= t || row.user.blockedAt) return null;
  if (t.getTime() - row.lastSeenAt.getTime() > sessionIdleLimitMs()) return null;
  if (t.getTime() - row.lastSeenAt.getTime() > MINUTE) {
    // "last seen" for the sessions list; throttled so most requests write nothing.
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: t } });
  }
  const { blockedAt: _blocked, _count: methods, ...user } = row.user;
  return {
    id: row.id,
    userId: row.userId,
    twoFactorPassed: row.twoFactorPassedAt !== null,
    secondFactor: row.twoFactorPassedAt !== null && row.secondFactorAt !== null && methods.twoFactorMethods > 0,
    user,
  };
}

export async function revokeSessionBySecret(db: Db, secret: string): Promise<void> {
  await db.session.updateMany({ where: { tokenHash: hashSecret(secret), revokedAt: null }, data: { revokedAt: now() } });
}

export async function revokeSession(db: Tx, userId: string, sessionId: string): Promise<number> {
  const res = await db.session.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: now() } });
  return res.count;
}

export async function revokeOtherSessions(db: Tx, userId: string, keepSessionId: string | null): Promise<number> {
  const res = await db.session.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: now() },
  });
  return res.count;
}
