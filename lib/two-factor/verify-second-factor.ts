import { z } from "zod";
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { MINUTE, now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { decrypt } from "@/lib/security/encryption";
import { consume, reset } from "@/lib/security/rate-limit";
import { consumeBackupCode, countBackupCodesLeft } from "./backup-codes";
import { checkTotp } from "./totp";

export const verifySecondFactorSchema = z.object({
  kind: z.enum(["totp", "backup"]).default("totp"),
  code: z.string().trim().min(1, "validation.required").max(40),
});

/** How long the password step stays valid while the second step is awaited. */
export const SECOND_STEP_WINDOW_MS = 15 * MINUTE;

/** The session waiting for its second step (from getSession()), and where the request comes from. */
export type PendingSession = { id: string; userId: string; twoFactorPassed: boolean; staffRole: "SUPPORT" | "ADMIN" | null };
export type RequestMeta = { ip?: string | null; userAgent?: string | null };

/**
 * 2FA-1 / 2FA-5: the second sign-in step. Accepts a code of an active authenticator app (each 30-second
 * step once: the accepted step is stored with a conditional update, so two concurrent uses of one code
 * cannot both pass) or an unused backup code (consumed atomically). Attempts are limited per account.
 */
export async function verifySecondFactor(db: Db, session: PendingSession, raw: unknown, meta: RequestMeta = {}): Promise<{ method: "totp" | "backup"; backupCodesLeft: number | null }> {
  const input = verifySecondFactorSchema.parse(raw);
  const live = await db.session.findFirst({ where: { id: session.id, userId: session.userId, revokedAt: null, expiresAt: { gt: now() } }, select: { twoFactorPassedAt: true, createdAt: true } });
  if (!live) throw new AppError("UNAUTHENTICATED");
  if (live.twoFactorPassedAt) return { method: input.kind, backupCodesLeft: null };
  // A password-only session does not linger: after the window, the password has to be entered again.
  if (now().getTime() - live.createdAt.getTime() > SECOND_STEP_WINDOW_MS) {
    await db.session.updateMany({ where: { id: session.id, twoFactorPassedAt: null }, data: { revokedAt: now() } });
    throw new AppError("UNAUTHENTICATED", "twoFactor.errors.expired");
  }

  const actor: Actor = { kind: "user", userId: session.userId, sessionId: session.id, staffRole: session.staffRole, ip: meta.ip, userAgent: meta.userAgent };
  // Counted before checking, so parallel guesses cannot slip past the limit.
  const limit = await consume("twoFactorPerAccount", session.userId);
  if (!limit.allowed) {
    await audit(db, actor, { action: "auth.twoFactorFailed", targetType: "session", targetId: session.id, metadata: { kind: input.kind, rateLimited: true } });
    throw new AppError("RATE_LIMITED", "errors.RATE_LIMITED", undefined, limit.retryAfterSeconds);
  }

  const ok = input.kind === "backup" ? await consumeBackupCode(db, session.userId, input.code) : await acceptTotp(db, session.userId, input.code);
  if (!ok) {
    await audit(db, actor, { action: "auth.twoFactorFailed", targetType: "session", targetId: session.id, metadata: { kind: input.kind } });
    throw new AppError("INVALID_INPUT", "twoFactor.errors.wrongCode", { code: ["twoFactor.errors.wrongCode"] });
  }
  await reset("twoFactorPerAccount", session.userId);

  return db.$transaction(async (tx) => {
    await tx.session.updateMany({ where: { id: session.id, twoFactorPassedAt: null }, data: { twoFactorPassedAt: now() } });
    const backupCodesLeft = input.kind === "backup" ? await countBackupCodesLeft(tx, session.userId) : null;
    await audit(tx, actor, {
      action: "auth.twoFactorPassed",
      targetType: "session",
      targetId: session.id,
      metadata: { kind: input.kind, ...(backupCodesLeft !== null ? { backupCodesLeft } : {}) },
    });
    return { method: input.kind, backupCodesLeft };
  });
}

async function acceptTotp(db: Db, userId: string, code: string): Promise<boolean> {
  const methods = await db.twoFactorMethod.findMany({
    where: { userId, type: "TOTP", confirmedAt: { not: null }, secretEncrypted: { not: null } },
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
