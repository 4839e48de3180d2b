import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors";
import { lockMethodsOf, requireTwoFactorSession } from "./methods";

export const makeDefaultMethodSchema = z.object({ methodId: z.string().min(1).max(40) });

/**
 * 2FA-1: the method the second step opens on. Exactly one default per person: the change runs under the
 * user-row lock, so concurrent calls end with one default (the last one), never two or none.
 */
export async function makeDefaultMethod(db: Db, actor: UserActor, raw: unknown): Promise<void> {
  const input = makeDefaultMethodSchema.parse(raw);
  await db.$transaction(async (tx) => {
    await requireTwoFactorSession(tx, actor);
    await lockMethodsOf(tx, actor.userId);
    const method = await tx.twoFactorMethod.findFirst({ where: { id: input.methodId, userId: actor.userId, confirmedAt: { not: null } }, select: { id: true, type: true, isDefault: true } });
    if (!method) throw new AppError("NOT_FOUND");
    if (method.isDefault) return;
    await tx.twoFactorMethod.updateMany({ where: { userId: actor.userId, isDefault: true }, data: { isDefault: false } });
    await tx.twoFactorMethod.update({ where: { id: method.id }, data: { isDefault: true } });
    await audit(tx, actor, { action: "auth.twoFactorDefaultChanged", targetId: method.id, metadata: { type: method.type } });
  });
}
