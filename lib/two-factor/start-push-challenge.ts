import { z } from "zod";
import type { Db } from "@/lib/db";
import { MINUTE, now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { secondStepState, type PendingSession, type RequestMeta } from "./verify-second-factor";

export const startPushChallengeSchema = z.object({ methodId: z.string().min(1).max(40) });

/** A push request waits 2 minutes for the device's answer. */
export const PUSH_CHALLENGE_TTL_MS = 2 * MINUTE;

/**
 * 2FA-1: asks the paired device to approve this sign-in. A session has at most one pending request: a
 * still-open one is answered again instead of a new one (so reloading the page does not pile requests
 * up); a new request replaces older, finished ones.
 */
export async function startPushChallenge(db: Db, session: PendingSession, raw: unknown, meta: RequestMeta = {}): Promise<{ challengeId: string; expiresAt: Date }> {
  const input = startPushChallengeSchema.parse(raw);
  if ((await secondStepState(db, session)) === "passed") throw new AppError("CONFLICT", "devices.errors.alreadyVerified");
  return db.$transaction(async (tx) => {
    // Serialises concurrent requests of one session (two tabs) so only one pending request remains.
    await tx.$queryRaw`SELECT id FROM "Session" WHERE id = ${session.id} FOR UPDATE`;
    const method = await tx.twoFactorMethod.findFirst({ where: { id: input.methodId, userId: session.userId, type: "PUSH", confirmedAt: { not: null } }, select: { id: true } });
    if (!method) throw new AppError("NOT_FOUND", "devices.errors.notPaired");
    const t = now();
    const open = await tx.twoFactorChallenge.findFirst({
      where: { sessionId: session.id, methodId: method.id, status: "PENDING", expiresAt: { gt: t } },
      select: { id: true, expiresAt: true },
    });
    if (open) return { challengeId: open.id, expiresAt: open.expiresAt };
    await tx.twoFactorChallenge.updateMany({ where: { sessionId: session.id, status: "PENDING", method: { type: "PUSH" } }, data: { status: "EXPIRED", decidedAt: t } });
    const created = await tx.twoFactorChallenge.create({
      data: { userId: session.userId, methodId: method.id, sessionId: session.id, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 400) ?? null, createdAt: t, expiresAt: new Date(t.getTime() + PUSH_CHALLENGE_TTL_MS) },
      select: { id: true, expiresAt: true },
    });
    return { challengeId: created.id, expiresAt: created.expiresAt };
  });
}
