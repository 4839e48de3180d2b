import type { Db } from "@/lib/db";
import type { UserActor } from "@/lib/auth/get-actor";

export type AppPasswordSummary = { id: string; name: string; displayHint: string; createdAt: Date; lastUsedAt: Date | null };

/** APP-1/APP-3: the actor's own live application passwords, newest first. Never the hash. */
export function listAppPasswords(db: Db, actor: UserActor): Promise<AppPasswordSummary[]> {
  return db.appPassword.findMany({
    where: { userId: actor.userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, displayHint: true, createdAt: true, lastUsedAt: true },
  });
}
