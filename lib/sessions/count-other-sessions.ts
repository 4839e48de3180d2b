import type { Db } from "@/lib/db";
import type { UserActor } from "@/lib/auth/get-actor";
import { sessionIdleLimitMs } from "@/lib/auth/sessions";
import { now } from "@/lib/clock";

/** How many other live sessions (as listed on the security page) "Sign out of the other sessions" would end. */
export function countOtherSessions(db: Db, actor: UserActor): Promise<number> {
  const t = now().getTime();
  return db.session.count({
    where: {
      userId: actor.userId,
      id: { not: actor.sessionId },
      revokedAt: null,
      expiresAt: { gt: new Date(t) },
      lastSeenAt: { gt: new Date(t - sessionIdleLimitMs()) },
    },
  });
}
