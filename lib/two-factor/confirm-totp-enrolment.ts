import { z } from "zod";
import type { Db } from "@/lib/db";
import type { UserActor } from "@/lib/auth/get-actor";
import { AppError } from "@/lib/errors";
import { decrypt } from "@/lib/security/encryption";
import { consume, reset } from "@/lib/security/rate-limit";
import { activateMethod } from "./methods";
import { notifyTwoFactorChange } from "./notify-change";
import { checkTotp } from "./totp";

export const confirmTotpEnrolmentSchema = z.object({
  methodId: z.string().min(1).max(40),
  code: z.string().trim().min(1, "validation.required").max(20),
});

/**
 * 2FA-1: the first valid code activates the app. The first active method becomes the default and turns
 * two-step verification on; that first time, ten backup codes are made and answered once (2FA-2).
 */
export async function confirmTotpEnrolment(db: Db, actor: UserActor, raw: unknown): Promise<{ enabled: boolean; backupCodes: string[] | null }> {
  const input = confirmTotpEnrolmentSchema.parse(raw);
  const method = await db.twoFactorMethod.findFirst({
    where: { id: input.methodId, userId: actor.userId, type: "TOTP", confirmedAt: null },
    select: { id: true, secretEncrypted: true },
  });
  if (!method?.secretEncrypted) throw new AppError("NOT_FOUND", "security.errors.setupExpired");

  const limit = await consume("twoFactorPerAccount", actor.userId);
  if (!limit.allowed) throw new AppError("RATE_LIMITED", "errors.RATE_LIMITED", undefined, limit.retryAfterSeconds);
  const step = await checkTotp(decrypt(method.secretEncrypted), input.code, null);
  if (step === null) throw new AppError("INVALID_INPUT", "security.errors.wrongCode", { code: ["security.errors.wrongCode"] });
  await reset("twoFactorPerAccount", actor.userId);

  const result = await db.$transaction((tx) => activateMethod(tx, actor, { id: method.id, userId: actor.userId, type: "TOTP" }, { lastUsedStep: BigInt(step) }, { issueBackupCodes: true }));
  await notifyTwoFactorChange(db, actor.userId, "methodAdded", "TOTP");
  return result;
}
