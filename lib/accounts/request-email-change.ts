import { z } from "zod";
import type { Db } from "@/lib/db";
import { audit } from "@/lib/audit/record";
import type { UserActor } from "@/lib/auth/get-actor";
import { HOUR, now } from "@/lib/clock";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { sendEmail } from "@/lib/notifications/send-email";
import { consumeOrThrow } from "@/lib/security/rate-limit";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { confirmPassword } from "@/lib/two-factor/reauth";
import { emailField } from "./schemas";

export const EMAIL_CHANGE_LINK_HOURS = 24;

export const requestEmailChangeSchema = z.object({ email: emailField, password: z.string().min(1, "validation.required").max(200) });

/** Refused without saying why: whether another account uses the address is not the requester's business. */
export const emailUnavailable = () => new AppError("CONFLICT", "credentials.errors.emailUnavailable", { email: ["credentials.errors.emailUnavailable"] });

/**
 * ACC-1: starts a change of the login e-mail. Nothing changes yet: a single-use link valid 24 hours goes to
 * the new address (proving it is the user's), and the current address is told about the request.
 * A newer request replaces any pending one.
 */
export async function requestEmailChange(db: Db, actor: UserActor, raw: unknown): Promise<{ newEmail: string }> {
  const input = requestEmailChangeSchema.parse(raw);
  await confirmPassword(db, actor, input.password);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, locale: true } });
  if (input.email === user.email) {
    throw new AppError("INVALID_INPUT", "credentials.errors.sameEmail", { email: ["credentials.errors.sameEmail"] });
  }
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailUnavailable();
  await consumeOrThrow("emailChangePerAccount", actor.userId);

  const secret = randomSecret();
  await db.$transaction(async (tx) => {
    const t = now();
    await tx.emailChangeRequest.updateMany({ where: { userId: actor.userId, usedAt: null }, data: { usedAt: t } });
    await tx.emailChangeRequest.create({
      data: {
        userId: actor.userId,
        oldEmail: user.email,
        newEmail: input.email,
        tokenHash: hashSecret(secret),
        expiresAt: new Date(t.getTime() + EMAIL_CHANGE_LINK_HOURS * HOUR),
        createdAt: t,
      },
    });
    await audit(tx, actor, { action: "auth.emailChangeRequested", targetId: actor.userId, metadata: { newEmail: input.email } });
  });
  await sendEmail(db, {
    to: input.email,
    template: "emailChangeConfirm",
    params: { newEmail: input.email, link: `${config.appUrl}/confirm-email/${secret}`, expiresInHours: EMAIL_CHANGE_LINK_HOURS },
    locale: user.locale,
  });
  await sendEmail(db, {
    to: user.email,
    template: "emailChangeNotice",
    params: { newEmail: input.email, resetUrl: `${config.appUrl}/forgot-password` },
    locale: user.locale,
  });
  return { newEmail: input.email };
}
