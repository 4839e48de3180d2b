import { createHmac } from "node:crypto";
import type { Db } from "@/lib/db";
import { MINUTE, now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { derivedKey } from "@/lib/security/encryption";
import { consume } from "@/lib/security/rate-limit";

/** An SMS code lives 10 minutes. */
export const SMS_CODE_TTL_MS = 10 * MINUTE;

/** 2FA-5: only a keyed hash of the code is stored, bound to its challenge (6 digits alone are guessable offline). */
export function hashSmsCode(challengeId: string, code: string): string {
  return createHmac("sha256", derivedKey("sms-codes")).update(`${challengeId}:${code}`).digest("hex");
}

/**
 * 2FA-5: checks the code of the newest pending SMS challenge matching `where`. A right code is consumed
 * with a conditional update (it works once); after five wrong entries, or once expired, the code is dead.
 */
export async function acceptSmsCode(db: Db, where: { userId: string; sessionId: string; methodId?: string }, rawCode: string): Promise<boolean> {
  const code = rawCode.replace(/[\s-]/g, "");
  const challenge = await db.twoFactorChallenge.findFirst({
    where: { ...where, status: "PENDING", codeHash: { not: null }, method: { type: "SMS" } },
    orderBy: { createdAt: "desc" },
    select: { id: true, codeHash: true, expiresAt: true },
  });
  if (!challenge) return false;
  if (challenge.expiresAt <= now()) {
    await db.twoFactorChallenge.updateMany({ where: { id: challenge.id, status: "PENDING" }, data: { status: "EXPIRED", decidedAt: now() } });
    throw new AppError("INVALID_INPUT", "devices.errors.codeExpired", { code: ["devices.errors.codeExpired"] });
  }
  // Counted before the check (SEC-1): parallel guesses of one code cannot get past the limit.
  const attempts = await consume("smsCodeAttempts", challenge.id);
  const kill = () => db.twoFactorChallenge.updateMany({ where: { id: challenge.id, status: "PENDING" }, data: { status: "EXPIRED", decidedAt: now() } });
  const tooMany = () => new AppError("INVALID_INPUT", "devices.errors.tooManyAttempts", { code: ["devices.errors.tooManyAttempts"] });
  if (!attempts.allowed) {
    await kill();
    throw tooMany();
  }
  if (/^\d{6}$/.test(code) && hashSmsCode(challenge.id, code) === challenge.codeHash) {
    const used = await db.twoFactorChallenge.updateMany({ where: { id: challenge.id, status: "PENDING" }, data: { status: "USED", decidedAt: now() } });
    return used.count === 1;
  }
  if (attempts.remaining === 0) {
    await kill();
    throw tooMany();
  }
  return false;
}
