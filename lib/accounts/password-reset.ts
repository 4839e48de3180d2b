import { linkHolder } from "@/lib/access/actor";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import { revokeOtherSessions } from "@/lib/auth/sessions";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/security/passwords";
import { consume, reset } from "@/lib/security/rate-limit";
import { hashSecret } from "@/lib/security/tokens";
import { emailField, passwordField } from "./schemas";

export const requestResetSchema = z.object({ email: emailField });
export const resetPasswordSchema = z
  .object({ token: z.string().min(20).max(200), password: passwordField, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "validation.passwordsDiffer" });

/**
 * ACC-4 / SEC-2 / SEC-9: records a reset request and answers at once. The same work is done whether or not
 * the address has an account: nothing is looked up here; the link is made and mailed after the answer
 * (`deliverPasswordReset`), so neither the answer nor its timing tells whether the address exists.
 * Requests are limited per address+e-mail (past it they are dropped silently), so nobody else's requests
 * can use up the owner's. Answers the request to deliver, or null when it was dropped.
 */
export async function requestPasswordReset(db: Db, raw: unknown, meta: { ip?: string | null } = {}): Promise<{ requestId: string } | null> {
  const { email } = requestResetSchema.parse(raw);
  const ip = meta.ip ?? null;
  const limit = await consume("passwordResetPerAddress", `${ip ?? "unknown"}|${email}`);
  if (!limit.allowed) return null;
  const row = await db.passwordResetRequest.create({ data: { email, ip, requestedAt: now() }, select: { id: true } });
  return { requestId: row.id };
}

/** Sets the new password, consumes the link atomically and signs every session out. */
export async function resetPassword(db: Db, raw: unknown, meta: { ip?: string | null } = {}): Promise<{ userId: string }> {
  const input = resetPasswordSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  const done = await db.$transaction(async (tx) => {
    const t = now();
    // The conditional update is the single-use guarantee: of two concurrent uses only one matches.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash: hashSecret(input.token), usedAt: null, expiresAt: { gt: t } },
      data: { usedAt: t },
    });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", "errors.resetLinkInvalid");
    const row = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(input.token) }, select: { id: true, userId: true, caseId: true } });
    const user = await tx.user.update({ where: { id: row.userId }, data: { passwordHash }, select: { email: true } });
    // The link went to the login e-mail: using it proves the address as the confirmation link would (SEC-2).
    // A recovery link of an identity case (IDV-1) went to another address: it proves nothing about the login e-mail.
    if (!row.caseId) await tx.user.updateMany({ where: { id: row.userId, emailVerifiedAt: null }, data: { emailVerifiedAt: t } });
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: t } });
    await revokeOtherSessions(tx, row.userId, null);
    await audit(tx, linkHolder("passwordReset", row.id, row.userId, meta), { action: "auth.passwordReset", targetId: row.userId });
    return { userId: row.userId, email: user.email };
  });
  // The owner proved control of the login e-mail: the account's sign-in backoff (SEC-1) no longer applies.
  await reset("passwordBackoff", done.email);
  return { userId: done.userId };
}
