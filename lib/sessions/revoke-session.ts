import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { revokeSession } from "@/lib/auth/sessions";
import type { UserActor } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors";

export const revokeUserSessionSchema = z.object({ sessionId: z.string().min(1).max(40) });

/** Signs one of the actor's own sessions out; it is refused from the very next request. */
export async function revokeUserSession(db: Db, actor: UserActor, raw: unknown): Promise<{ current: boolean }> {
  const input = revokeUserSessionSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const count = await revokeSession(tx, actor.userId, input.sessionId);
    if (count === 0) throw new AppError("NOT_FOUND");
    await audit(tx, actor, { action: "auth.sessionRevoked", targetId: input.sessionId });
    return { current: input.sessionId === actor.sessionId };
  });
}
