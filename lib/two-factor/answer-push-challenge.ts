import { linkHolder } from "@/lib/access/actor";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { findPairedDevice } from "./device-overview";
import type { RequestMeta } from "./verify-second-factor";

export const answerPushChallengeSchema = z.object({
  challengeId: z.string().min(1).max(40),
  answer: z.enum(["approve", "deny"]),
});

/**
 * 2FA-1: the paired device answers YES or NO to a sign-in request addressed to it. Only a pending,
 * unexpired request changes (conditional update), so a late or repeated answer changes nothing.
 */
export async function answerPushChallenge(db: Db, deviceSecret: string | undefined, raw: unknown, meta: RequestMeta = {}): Promise<{ status: "APPROVED" | "DENIED" }> {
  const input = answerPushChallengeSchema.parse(raw);
  const device = await findPairedDevice(db, deviceSecret);
  if (!device) throw new AppError("UNAUTHENTICATED", "devices.errors.notPaired");
  const status = input.answer === "approve" ? "APPROVED" : "DENIED";
  return db.$transaction(async (tx) => {
    const res = await tx.twoFactorChallenge.updateMany({
      where: { id: input.challengeId, methodId: device.id, status: "PENDING", expiresAt: { gt: now() } },
      data: { status, decidedAt: now() },
    });
    if (res.count !== 1) throw new AppError("CONFLICT", "devices.errors.requestGone");
    await audit(tx, linkHolder("pushDevice", device.id, device.userId, meta), {
      action: input.answer === "approve" ? "auth.pushApproved" : "auth.pushDenied",
      targetId: input.challengeId,
    });
    return { status };
  });
}
