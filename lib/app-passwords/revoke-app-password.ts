import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";

export const revokeAppPasswordSchema = z.object({ appPasswordId: z.string().min(1).max(40) });

/** APP-3: revokes one of the actor's application passwords; another user's id is NOT_FOUND. */
export async function revokeAppPassword(db: Db, actor: UserActor, raw: unknown): Promise<void> {
  const input = revokeAppPasswordSchema.parse(raw);
  await db.$transaction(async (tx) => {
    const res = await tx.appPassword.updateMany({
      where: { id: input.appPasswordId, userId: actor.userId, revokedAt: null },
      data: { revokedAt: now() },
    });
    if (res.count === 0) throw new AppError("NOT_FOUND");
    await audit(tx, actor, { action: "appPassword.revoked", targetId: input.appPasswordId });
  });
}
