import { linkHolder } from "@/lib/access/actor";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { revokeOtherSessions } from "@/lib/auth/sessions";
import { MINUTE, now } from "@/lib/clock";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { sendEmail } from "@/lib/notifications/send-email";
import { hashPassword } from "@/lib/security/passwords";
import { consume } from "@/lib/security/rate-limit";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { emailField, passwordField } from "./schemas";

export const RESET_LINK_MINUTES = 60;

export const requestResetSchema = z.object({ email: emailField });
export const resetPasswordSchema = z
  .object({ token: z.string().min(20).max(200), password: passwordField, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordsDiffer" });

/**
 * ACC-4: e-mails a single-use link valid one hour. Answers the same whether the address exists or not,
 * so the form reveals nothing (ACC-7).
 */
export async function requestPasswordReset(db: Db, raw: unknown, meta: { ip?: string | null } = {}): Promise<void> {
  const { email } = requestResetSchema.parse(raw);
  const limit = await consume("passwordResetPerEmail", email);
  if (!limit.allowed) return;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, locale: true, blockedAt: true } });
  if (!user || user.blockedAt) return;
  const secret = randomSecret();
  await db.passwordResetToken.create({
    data: { userId: user.id, tokenHash: hashSecret(secret), expiresAt: new Date(now().getTime() + RESET_LINK_MINUTES * MINUTE) },
  });
  await db.auditLog.create({ data: { at: now(), actorKind: "USER", actorId: user.id, action: "auth.passwordResetRequested", ip: meta.ip ?? null } });
  await sendEmail(db, {
    to: email,
    template: "passwordReset",
    params: { link: `${config.appUrl}/reset-password/${secret}`, expiresInMinutes: RESET_LINK_MINUTES },
    locale: user.locale,
  });
}

/** Whether a reset link can still be used (to show the form or an "expired" message). */
export async function isResetTokenUsable(db: Db, token: string): Promise<boolean> {
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashSecret(token) } });
  return !!row && !row.usedAt && row.expiresAt > now();
}

/** Sets the new password, consumes the link atomically and signs every session out. */
export async function resetPassword(db: Db, raw: unknown, meta: { ip?: string | null } = {}): Promise<{ userId: string }> {
  const input = resetPasswordSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const t = now();
    // The conditional update is the single-use guarantee: of two concurrent uses only one matches.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash: hashSecret(input.token), usedAt: null, expiresAt: { gt: t } },
      data: { usedAt: t },
    });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", "errors.resetLinkInvalid");
    const row = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(input.token) }, select: { id: true, userId: true } });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    // The link went to the login e-mail: using it proves the address as the confirmation link would (SEC-2).
    await tx.user.updateMany({ where: { id: row.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: t } });
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: t } });
    await revokeOtherSessions(tx, row.userId, null);
    await audit(tx, linkHolder("passwordReset", row.id, row.userId, meta), { action: "auth.passwordReset", targetId: row.userId });
    return { userId: row.userId };
  });
}
