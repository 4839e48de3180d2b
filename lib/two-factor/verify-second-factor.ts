import type { StaffRole } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { MINUTE, now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { decrypt } from "@/lib/security/encryption";
import { consume, reset } from "@/lib/security/rate-limit";
import { consumeBackupCode, countBackupCodesLeft } from "./backup-codes";
import { acceptSmsCode } from "./sms-codes";
import { checkTotp } from "./totp";

export const verifySecondFactorSchema = z.object({
  kind: z.enum(["totp", "backup", "sms"]).default("totp"),
  code: z.string().trim().min(1, "validation.required").max(40),
});

/** How long the password step stays valid while the second step is awaited. */
export const SECOND_STEP_WINDOW_MS = 15 * MINUTE;

/** The session waiting for its second step (from getSession()), and where the request comes from. */
export type PendingSession = { id: string; userId: string; twoFactorPassed: boolean; staffRole: StaffRole | null };
export type RequestMeta = { ip?: string | null; userAgent?: string | null };

/**
 * 2FA-1 / 2FA-5: the second sign-in step. Accepts a code of an active authenticator app or the offline
 * code of a paired push device (each 30-second step once: the accepted step is stored with a conditional
 * update, so two concurrent uses of one code cannot both pass), the SMS code sent to this session (once),
 * or an unused backup code (consumed atomically). Attempts are limited per account.
 */
export async function verifySecondFactor(db: Db, session: PendingSession, raw: unknown, meta: RequestMeta = {}): Promise<{ method: "totp" | "backup" | "sms"; backupCodesLeft: number | null }> {
  const input = verifySecondFactorSchema.parse(raw);
  if ((await secondStepState(db, session)) === "passed") return { method: input.kind, backupCodesLeft: null };
  const actor = pendingActor(session, meta);
  // Counted before checking, so parallel guesses cannot slip past the limit.
  const limit = await consume("twoFactorPerAccount", session.userId);
  if (!limit.allowed) {
    await audit(db, actor, { action: "auth.twoFactorFailed", targetId: session.id, metadata: { kind: input.kind, rateLimited: true } });
    throw new AppError("RATE_LIMITED", "errors.RATE_LIMITED", undefined, limit.retryAfterSeconds);
  }

  const ok =
    input.kind === "backup" ? await consumeBackupCode(db, session.userId, input.code)
    : input.kind === "sms" ? await acceptSmsCode(db, { userId: session.userId, sessionId: session.id }, input.code)
    : await acceptTotp(db, session.userId, input.code);
  if (!ok) {
    await audit(db, actor, { action: "auth.twoFactorFailed", targetId: session.id, metadata: { kind: input.kind } });
    throw new AppError("INVALID_INPUT", "twoFactor.errors.wrongCode", { code: ["twoFactor.errors.wrongCode"] });
  }
  await reset("twoFactorPerAccount", session.userId);

  return db.$transaction(async (tx) => {
    const backupCodesLeft = input.kind === "backup" ? await countBackupCodesLeft(tx, session.userId) : null;
    await passSecondStep(tx, actor, session.id, { kind: input.kind, ...(backupCodesLeft !== null ? { backupCodesLeft } : {}) });
    return { method: input.kind, backupCodesLeft };
  });
}

/**
 * Whether the session still waits for its second step ("open") or already passed it. A password-only
 * session does not linger: after the window, the password has to be entered again.
 */
export async function secondStepState(db: Db, session: PendingSession): Promise<"open" | "passed"> {
  const live = await db.session.findFirst({ where: { id: session.id, userId: session.userId, revokedAt: null, expiresAt: { gt: now() } }, select: { twoFactorPassedAt: true, createdAt: true } });
  if (!live) throw new AppError("UNAUTHENTICATED");
  if (live.twoFactorPassedAt) return "passed";
  if (now().getTime() - live.createdAt.getTime() > SECOND_STEP_WINDOW_MS) {
    await db.session.updateMany({ where: { id: session.id, twoFactorPassedAt: null }, data: { revokedAt: now() } });
    throw new AppError("UNAUTHENTICATED", "twoFactor.errors.expired");
  }
  return "open";
}

export function pendingActor(session: PendingSession, meta: RequestMeta): Actor {
  return { kind: "user", userId: session.userId, sessionId: session.id, staffRole: session.staffRole, ip: meta.ip, userAgent: meta.userAgent };
}

/** Upgrades the session once its second step passed, with the audit row, in the caller's transaction. */
export async function passSecondStep(tx: Tx, actor: Actor, sessionId: string, metadata: { kind: string; backupCodesLeft?: number; challengeId?: string }): Promise<void> {
  const t = now();
  // secondFactorAt: this session proved a second factor, unlike one of an account without 2FA (SEC-3).
  await tx.session.updateMany({ where: { id: sessionId, twoFactorPassedAt: null }, data: { twoFactorPassedAt: t, secondFactorAt: t } });
  await audit(tx, actor, { action: "auth.twoFactorPassed", targetId: sessionId, metadata });
}

export async function acceptTotp(db: Db, userId: string, code: string): Promise<boolean> {
  const methods = await db.twoFactorMethod.findMany({
    // A paired push device's offline code is a TOTP code of its own secret (2FA-1).
    where: { userId, type: { in: ["TOTP", "PUSH"] }, confirmedAt: { not: null }, secretEncrypted: { not: null } },
    select: { id: true, secretEncrypted: true, lastUsedStep: true },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
  });
  for (const m of methods) {
    const step = await checkTotp(decrypt(m.secretEncrypted as string), code, m.lastUsedStep);
    if (step === null) continue;
    const claimed = await db.twoFactorMethod.updateMany({
      where: { id: m.id, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(step) } }] },
      data: { lastUsedStep: BigInt(step) },
    });
    return claimed.count === 1;
  }
  return false;
}
