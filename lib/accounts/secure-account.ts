import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { revokeOtherSessions } from "@/lib/auth/sessions";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { sendEmail } from "@/lib/notifications/send-email";
import { hashPassword, verifyPassword } from "@/lib/security/passwords";
import { confirmPassword } from "@/lib/two-factor/reauth";
import { passwordField } from "./schemas";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

// `password` is the current one; a new password is optional (after a reset the person has just chosen one).
export const secureAccountSchema = z
  .object({
    password: z.string().min(1, "validation.required").max(200),
    newPassword: z.preprocess(blankToUndefined, passwordField.optional()),
    confirm: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  })
  .refine((v) => v.newPassword === undefined || v.newPassword === v.confirm, { path: ["confirm"], message: "validation.passwordsDiffer" });

export type SecureAccountResult = { passwordChanged: boolean; sessions: number; appPasswords: number; apiTokens: number };

/**
 * SEC-8: "compromised account?" — in one step, after the current password is typed again (rate-limited
 * like sign-in), optionally a new password, then every other session signed out and every application
 * password and API token of the person (in every Organization) revoked, so nothing an intruder may have
 * made or copied still works. The counts are answered for the page; the recent sign-ins and security
 * events are on the same page to review. The owner is told by e-mail when the password changed.
 */
export async function secureAccount(db: Db, actor: UserActor, raw: unknown): Promise<SecureAccountResult> {
  const input = secureAccountSchema.parse(raw);
  await confirmPassword(db, actor, input.password);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, locale: true, timeZone: true, passwordHash: true } });
  let passwordHash: string | null = null;
  if (input.newPassword !== undefined) {
    if (await verifyPassword(user.passwordHash, input.newPassword)) {
      throw new AppError("INVALID_INPUT", "credentials.errors.samePassword", { newPassword: ["credentials.errors.samePassword"] });
    }
    passwordHash = await hashPassword(input.newPassword);
  }
  const result = await db.$transaction(async (tx) => {
    const t = now();
    if (passwordHash) await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    const sessions = await revokeOtherSessions(tx, actor.userId, actor.sessionId);
    const appPasswords = await tx.appPassword.updateMany({ where: { userId: actor.userId, revokedAt: null }, data: { revokedAt: t } });
    const apiTokens = await tx.apiToken.updateMany({ where: { userId: actor.userId, revokedAt: null }, data: { revokedAt: t } });
    const res = { passwordChanged: passwordHash !== null, sessions, appPasswords: appPasswords.count, apiTokens: apiTokens.count };
    await audit(tx, actor, { action: "auth.accountSecured", targetId: actor.userId, metadata: res });
    return res;
  });
  if (result.passwordChanged) {
    await sendEmail(db, {
      to: user.email,
      template: "passwordChanged",
      params: { when: now(), resetUrl: `${config.appUrl}/forgot-password`, timeZone: user.timeZone },
      locale: user.locale,
    });
  }
  return result;
}
