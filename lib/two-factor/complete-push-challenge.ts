import { z } from "zod";
import type { Db } from "@/lib/db";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { passSecondStep, pendingActor, secondStepState, type PendingSession, type RequestMeta } from "./verify-second-factor";

export const completePushChallengeSchema = z.object({ challengeId: z.string().min(1).max(40) });

export type PushChallengeState = "PENDING" | "DENIED" | "EXPIRED" | "PASSED";

/**
 * 2FA-1 / 2FA-5: followed by the second-step page while the device decides. An approved request is
 * consumed exactly once (APPROVED → USED with a conditional update, in the same transaction that upgrades
 * the session); a second attempt to consume it is refused. Expiry is judged on the clock.
 */
export async function completePushChallenge(db: Db, session: PendingSession, raw: unknown, meta: RequestMeta = {}): Promise<PushChallengeState> {
  const input = completePushChallengeSchema.parse(raw);
  const challenge = await db.twoFactorChallenge.findFirst({
    where: { id: input.challengeId, sessionId: session.id, userId: session.userId, method: { type: "PUSH" } },
    select: { id: true, status: true, expiresAt: true },
  });
  if (!challenge) throw new AppError("NOT_FOUND", "devices.errors.requestGone");
  if (challenge.status === "DENIED" || challenge.status === "EXPIRED") return challenge.status;
  if (challenge.status === "USED") throw new AppError("CONFLICT", "devices.errors.requestUsed");
  if ((await secondStepState(db, session)) === "passed") throw new AppError("CONFLICT", "devices.errors.requestUsed");
  if (challenge.status === "PENDING") {
    if (challenge.expiresAt > now()) return "PENDING";
    await db.twoFactorChallenge.updateMany({ where: { id: challenge.id, status: "PENDING" }, data: { status: "EXPIRED", decidedAt: now() } });
    return "EXPIRED";
  }
  const actor = pendingActor(session, meta);
  return db.$transaction(async (tx) => {
    const used = await tx.twoFactorChallenge.updateMany({ where: { id: challenge.id, status: "APPROVED" }, data: { status: "USED" } });
    if (used.count !== 1) throw new AppError("CONFLICT", "devices.errors.requestUsed");
    await passSecondStep(tx, actor, session.id, { kind: "push", challengeId: challenge.id });
    return "PASSED" as const;
  });
}
