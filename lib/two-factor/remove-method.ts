import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors";
import { confirmPassword } from "./reauth";
import { notifyTwoFactorChange } from "./notify-change";

export const removeTwoFactorMethodSchema = z.object({
  methodId: z.string().min(1).max(40),
  password: z.string().min(1, "validation.required").max(200),
});

/**
 * 2FA-4: removes one method, from a session that passed 2FA and after the password. The default moves to
 * another active method; removing the last one turns 2FA off and deletes the backup codes.
 */
export async function removeTwoFactorMethod(db: Db, actor: UserActor, raw: unknown): Promise<{ twoFactorDisabled: boolean }> {
  const input = removeTwoFactorMethodSchema.parse(raw);
  await confirmPassword(db, actor, input.password);
  const result = await db.$transaction(async (tx) => {
    const method = await tx.twoFactorMethod.findFirst({ where: { id: input.methodId, userId: actor.userId }, select: { id: true, type: true, isDefault: true } });
    if (!method) throw new AppError("NOT_FOUND");
    await tx.twoFactorMethod.delete({ where: { id: method.id } });
    await audit(tx, actor, { action: "auth.twoFactorMethodRemoved", targetId: method.id, metadata: { type: method.type } });
    const rest = await tx.twoFactorMethod.findMany({ where: { userId: actor.userId, confirmedAt: { not: null } }, orderBy: { confirmedAt: "asc" }, select: { id: true, isDefault: true } });
    if (rest.length === 0) {
      await tx.backupCode.deleteMany({ where: { userId: actor.userId } });
      await tx.twoFactorMethod.deleteMany({ where: { userId: actor.userId } });
      await audit(tx, actor, { action: "auth.twoFactorDisabled", targetId: actor.userId });
      return { twoFactorDisabled: true, type: method.type };
    }
    if (!rest.some((m) => m.isDefault)) await tx.twoFactorMethod.update({ where: { id: rest[0].id }, data: { isDefault: true } });
    return { twoFactorDisabled: false, type: method.type };
  });
  await notifyTwoFactorChange(db, actor.userId, result.twoFactorDisabled ? "disabled" : "methodRemoved", result.type);
  return { twoFactorDisabled: result.twoFactorDisabled };
}
