import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { revokeOtherSessions } from "@/lib/auth/sessions";
import type { UserActor } from "@/lib/auth/get-actor";

/** "Sign out everywhere else": every session of the actor but the current one. */
export async function revokeOtherUserSessions(db: Db, actor: UserActor): Promise<{ revoked: number }> {
  return db.$transaction(async (tx) => {
    const revoked = await revokeOtherSessions(tx, actor.userId, actor.sessionId);
    await audit(tx, actor, { action: "auth.otherSessionsRevoked", targetId: actor.userId, metadata: { revoked } });
    return { revoked };
  });
}
