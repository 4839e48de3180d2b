import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { TwoFactorType } from "@/lib/generated/prisma/enums";
import { replaceBackupCodes } from "./backup-codes";

/** At most this many methods per account, so the table cannot be filled by a script. */
export const MAX_METHODS = 10;

/**
 * Serialises changes to one person's methods (activation, default choice) on the user row, so two
 * concurrent calls cannot both become "the first method" or leave two defaults behind.
 */
export async function lockMethodsOf(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
}

/** A session that passed every sign-in step, checked on the row itself (2FA-4). */
export async function requireTwoFactorSession(tx: Tx, actor: { userId: string; sessionId: string }): Promise<void> {
  const session = await tx.session.findFirst({ where: { id: actor.sessionId, userId: actor.userId, revokedAt: null, twoFactorPassedAt: { not: null } }, select: { id: true } });
  if (!session) throw new AppError("FORBIDDEN", "security.errors.twoFactorSessionRequired");
}

/** Room for one more method: abandoned set-ups of the same type are replaced rather than piling up. */
export async function makeRoomForMethod(tx: Tx, userId: string, type: TwoFactorType): Promise<void> {
  await tx.twoFactorMethod.deleteMany({ where: { userId, type, confirmedAt: null } });
  const count = await tx.twoFactorMethod.count({ where: { userId } });
  if (count >= MAX_METHODS) throw new AppError("CONFLICT", "security.errors.tooManyMethods");
}

/**
 * 2FA-1: turns a pending method on. The first active method becomes the default and turns two-step
 * verification on; that first time, ten backup codes are made (2FA-2) when `issueBackupCodes` is set —
 * otherwise the caller issues them where the person can see them.
 */
export async function activateMethod(
  tx: Tx,
  actor: Actor,
  method: { id: string; userId: string; type: TwoFactorType },
  data: { lastUsedStep?: bigint; deviceTokenHash?: string; secretEncrypted?: string; label?: string },
  opts: { issueBackupCodes: boolean; setupExpiredKey?: string },
): Promise<{ enabled: boolean; backupCodes: string[] | null }> {
  await lockMethodsOf(tx, method.userId);
  const activeBefore = await tx.twoFactorMethod.count({ where: { userId: method.userId, confirmedAt: { not: null } } });
  const first = activeBefore === 0;
  const res = await tx.twoFactorMethod.updateMany({ where: { id: method.id, confirmedAt: null }, data: { ...data, confirmedAt: now(), isDefault: first } });
  if (res.count !== 1) throw new AppError("CONFLICT", opts.setupExpiredKey ?? "security.errors.setupExpired");
  await audit(tx, actor, { action: "auth.twoFactorMethodAdded", targetId: method.id, metadata: { type: method.type } });
  if (!first) return { enabled: false, backupCodes: null };
  await audit(tx, actor, { action: "auth.twoFactorEnabled", targetId: method.userId });
  return { enabled: true, backupCodes: opts.issueBackupCodes ? await replaceBackupCodes(tx, method.userId) : null };
}
