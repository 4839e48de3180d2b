import { createHmac, randomInt } from "node:crypto";
import { z } from "zod";
import type { Db, Tx } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { derivedKey } from "@/lib/security/encryption";
import { confirmPassword } from "./reauth";

/** 2FA-2: ten personal codes. */
export const BACKUP_CODE_COUNT = 10;
/** Below this many unused codes the security page warns. */
export const BACKUP_CODES_LOW = 3;

// 32 characters without look-alikes (no 0/o, 1/l): 10 of them give 50 bits per code.
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

function randomCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4, 8).join("")}-${chars.slice(8).join("")}`;
}

/** Codes are compared without case, spaces or dashes, so "ABCD EFGH JK" matches "abcd-efgh-jk". */
export function normaliseBackupCode(raw: string): string {
  return raw.toLowerCase().replace(/[\s-]/g, "");
}

/** 2FA-5: only a keyed hash (HMAC-SHA256 with a pepper derived from the server key) is stored. */
export function hashBackupCode(raw: string): string {
  return createHmac("sha256", derivedKey("backup-codes")).update(normaliseBackupCode(raw)).digest("hex");
}

/** Replaces the user's backup codes with ten new ones and answers them in clear, the only time they exist so. */
export async function replaceBackupCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < BACKUP_CODE_COUNT) codes.add(randomCode());
  const list = [...codes];
  await tx.backupCode.deleteMany({ where: { userId } });
  const t = now();
  await tx.backupCode.createMany({ data: list.map((code) => ({ userId, codeHash: hashBackupCode(code), createdAt: t })) });
  return list;
}

export function countBackupCodesLeft(db: Db | Tx, userId: string): Promise<number> {
  return db.backupCode.count({ where: { userId, usedAt: null } });
}

/**
 * Consumes one backup code atomically: the conditional update on `usedAt: null` lets exactly one of two
 * concurrent uses of the same code through (2FA-2).
 */
export async function consumeBackupCode(db: Db | Tx, userId: string, raw: string): Promise<boolean> {
  const normalised = normaliseBackupCode(raw);
  if (!/^[a-z0-9]{10}$/.test(normalised)) return false;
  const res = await db.backupCode.updateMany({ where: { userId, codeHash: hashBackupCode(normalised), usedAt: null }, data: { usedAt: now() } });
  return res.count === 1;
}

export const regenerateBackupCodesSchema = z.object({ password: z.string().min(1, "validation.required").max(200) });

/** 2FA-2: new codes (the old ones die at once); asks the password again (2FA-4). */
export async function regenerateBackupCodes(db: Db, actor: UserActor, raw: unknown): Promise<{ codes: string[] }> {
  const input = regenerateBackupCodesSchema.parse(raw);
  await confirmPassword(db, actor, input.password);
  return db.$transaction(async (tx) => {
    const enabled = await tx.twoFactorMethod.count({ where: { userId: actor.userId, confirmedAt: { not: null } } });
    if (enabled === 0) throw new AppError("CONFLICT", "security.errors.notEnabled");
    const codes = await replaceBackupCodes(tx, actor.userId);
    await audit(tx, actor, { action: "auth.backupCodesRegenerated", targetId: actor.userId });
    return { codes };
  });
}
