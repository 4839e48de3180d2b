import { directQuery, type Db, type Tx } from "@/lib/db";
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

/** What the one statement of resolveSession answers: the resolved session, flattened, with its times as numbers. */
type SessionRow = Pick<ResolvedSession, "id" | "userId" | "twoFactorPassed" | "secondFactor"> &
  Omit<ResolvedSession["user"], "id" | "emailVerifiedAt"> & { live: boolean; idleMs: number; emailVerifiedMs: number | null };

/**
 * Looks up a live session from the cookie's secret; revoked or expired sessions, and those of a blocked
 * person, resolve to null. Read on every signed-in request: one statement (session, person, whether a
 * second factor is enrolled), run outside Prisma's pipeline (`directQuery`); every time is compared in
 * SQL against the application's clock, so tests drive expiry as everywhere else.
 */
export async function resolveSession(db: Db, secret: string): Promise<ResolvedSession | null> {
  const t = now();
  const [row] = await directQuery<SessionRow>(
    db,
    `SELECT s."id", s."userId",
            (s."revokedAt" IS NULL AND u."blockedAt" IS NULL AND extract(epoch FROM s."expiresAt") * 1000 > $2) AS "live",
            ($2 - extract(epoch FROM s."lastSeenAt") * 1000)::float8 AS "idleMs",
            s."twoFactorPassedAt" IS NOT NULL AS "twoFactorPassed",
            (s."twoFactorPassedAt" IS NOT NULL AND s."secondFactorAt" IS NOT NULL
              AND EXISTS (SELECT 1 FROM "TwoFactorMethod" m WHERE m."userId" = s."userId" AND m."confirmedAt" IS NOT NULL)) AS "secondFactor",
            u."email", u."firstName", u."lastName", u."locale"::text AS "locale", u."theme"::text AS "theme",
            u."staffRole"::text AS "staffRole", u."lastOrgId", (extract(epoch FROM u."emailVerifiedAt") * 1000)::float8 AS "emailVerifiedMs",
            u."shellVersion"
       FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."tokenHash" = $1`,
    [hashSecret(secret), t.getTime()],
  );
  if (!row || !row.live || row.idleMs > sessionIdleLimitMs()) return null;
  if (row.idleMs > MINUTE) {
    // "last seen" for the sessions list; throttled so most requests write nothing.
    await db.session.update({ where: { id: row.id }, data: { lastSeenAt: t } });
  }
  return {
    id: row.id,
    userId: row.userId,
    twoFactorPassed: row.twoFactorPassed,
    secondFactor: row.secondFactor,
    user: {
      id: row.userId,
      email: row.email,
      firstName: row.firstName,
      lastName: row.lastName,
      locale: row.locale,
      theme: row.theme,
      staffRole: row.staffRole,
      lastOrgId: row.lastOrgId,
      emailVerifiedAt: row.emailVerifiedMs === null ? null : new Date(row.emailVerifiedMs),
      shellVersion: row.shellVersion,
    },
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
