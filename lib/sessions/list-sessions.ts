import type { Db } from "@/lib/db";
import type { UserActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { sessionIdleLimitMs } from "@/lib/auth/sessions";
import { describeDevice } from "./device";

export type SessionRow = {
  id: string;
  browser: string | null;
  os: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
  twoFactorPassed: boolean;
};

/** The actor's live sessions (not revoked, not expired, not idle), the current one first, then by last activity. */
export async function listSessions(db: Db, actor: UserActor): Promise<SessionRow[]> {
  const rows = await db.session.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now() }, lastSeenAt: { gt: new Date(now().getTime() - sessionIdleLimitMs()) } },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true, twoFactorPassedAt: true },
  });
  return rows
    .map((r) => ({
      id: r.id,
      ...describeDevice(r.userAgent),
      ip: r.ip,
      createdAt: r.createdAt,
      lastSeenAt: r.lastSeenAt,
      current: r.id === actor.sessionId,
      twoFactorPassed: r.twoFactorPassedAt !== null,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}
