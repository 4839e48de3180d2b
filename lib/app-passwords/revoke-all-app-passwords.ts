import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";

/** APP-3: "Revoke all" at the top of the table. Answers how many were revoked. */
export async function revokeAllAppPasswords(db: Db, actor: UserActor): Promise<{ revoked: number }> {
  return db.$transaction(async (tx) => {
    const res = await tx.appPassword.updateMany({ where: { userId: actor.userId, revokedAt: null }, data: { revokedAt: now() } });
    await audit(tx, actor, { action: "appPassword.allRevoked", targetId: actor.userId, metadata: { count: res.count } });
    return { revoked: res.count };
  });
}
