import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { sendEmail } from "@/lib/notifications/send-email";
import { hashPassword, verifyPassword } from "@/lib/security/passwords";
import { countOtherSessions } from "@/lib/sessions/count-other-sessions";
import { confirmPassword } from "@/lib/two-factor/reauth";
import { passwordField } from "./schemas";

// `password` is the current one, as on every form that asks the password again (2FA-4).
export const changePasswordSchema = z
  .object({ password: z.string().min(1, "validation.required").max(200), newPassword: passwordField, confirm: z.string() })
  .refine((v) => v.newPassword === v.confirm, { path: ["confirm"], message: "validation.passwordsDiffer" });

/**
 * ACC-1: replaces the account password after checking the current one (rate-limited like sign-in) and
 * tells the owner by e-mail. Other sessions stay signed in until the owner chooses to end them; their
 * number is returned so the page can offer it.
 */
export async function changePassword(db: Db, actor: UserActor, raw: unknown): Promise<{ otherSessions: number }> {
  const input = changePasswordSchema.parse(raw);
  await confirmPassword(db, actor, input.password);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, locale: true, timeZone: true, passwordHash: true } });
  if (await verifyPassword(user.passwordHash, input.newPassword)) {
    throw new AppError("INVALID_INPUT", "credentials.errors.samePassword", { newPassword: ["credentials.errors.samePassword"] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    await audit(tx, actor, { action: "auth.passwordChanged", targetId: actor.userId });
  });
  await sendEmail(db, {
    to: user.email,
    template: "passwordChanged",
    params: { when: now(), resetUrl: `${config.appUrl}/forgot-password`, timeZone: user.timeZone },
    locale: user.locale,
  });
  return { otherSessions: await countOtherSessions(db, actor) };
}
