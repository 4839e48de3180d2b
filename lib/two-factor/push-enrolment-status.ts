import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { replaceBackupCodes } from "./backup-codes";
import { lockMethodsOf } from "./methods";
import { PAIRING_TTL_MS } from "./start-push-enrolment";

export const pushEnrolmentStatusSchema = z.object({ methodId: z.string().min(1).max(40) });

/**
 * Followed by the security page while the device pairs. Once paired as the account's first method, the
 * ten backup codes are made here, on the computer, and answered once (2FA-2): a later call finds them.
 */
export async function pushEnrolmentStatus(db: Db, actor: UserActor, raw: unknown): Promise<{ status: "pending" | "paired" | "expired"; backupCodes: string[] | null }> {
  const input = pushEnrolmentStatusSchema.parse(raw);
  const method = await db.twoFactorMethod.findFirst({ where: { id: input.methodId, userId: actor.userId, type: "PUSH" }, select: { confirmedAt: true, createdAt: true } });
  if (!method) return { status: "expired", backupCodes: null };
  if (!method.confirmedAt) return { status: now().getTime() - method.createdAt.getTime() > PAIRING_TTL_MS ? "expired" : "pending", backupCodes: null };
  const backupCodes = await db.$transaction(async (tx) => {
    await lockMethodsOf(tx, actor.userId);
    if ((await tx.backupCode.count({ where: { userId: actor.userId } })) > 0) return null;
    const codes = await replaceBackupCodes(tx, actor.userId);
    await audit(tx, actor, { action: "auth.backupCodesRegenerated", targetId: actor.userId });
    return codes;
  });
  return { status: "paired", backupCodes };
}
