import { z } from "zod";
import type { Db } from "@/lib/db";
import type { UserActor } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors";
import { activateMethod } from "./methods";
import { notifyTwoFactorChange } from "./notify-change";
import { acceptSmsCode } from "./sms-codes";

export const confirmSmsEnrolmentSchema = z.object({
  methodId: z.string().min(1).max(40),
  code: z.string().trim().min(1, "validation.required").max(20),
});

/**
 * 2FA-1: the code received by SMS activates the method (once; five wrong entries kill it). As the first
 * method it turns two-step verification on and answers the ten backup codes (2FA-2).
 */
export async function confirmSmsEnrolment(db: Db, actor: UserActor, raw: unknown): Promise<{ enabled: boolean; backupCodes: string[] | null }> {
  const input = confirmSmsEnrolmentSchema.parse(raw);
  const method = await db.twoFactorMethod.findFirst({ where: { id: input.methodId, userId: actor.userId, type: "SMS", confirmedAt: null }, select: { id: true } });
  if (!method) throw new AppError("NOT_FOUND", "security.errors.setupExpired");
  const ok = await acceptSmsCode(db, { userId: actor.userId, sessionId: actor.sessionId, methodId: method.id }, input.code);
  if (!ok) throw new AppError("INVALID_INPUT", "devices.errors.wrongCode", { code: ["devices.errors.wrongCode"] });
  const result = await db.$transaction((tx) => activateMethod(tx, actor, { id: method.id, userId: actor.userId, type: "SMS" }, {}, { issueBackupCodes: true }));
  await notifyTwoFactorChange(db, actor.userId, "methodAdded", "SMS");
  return result;
}
