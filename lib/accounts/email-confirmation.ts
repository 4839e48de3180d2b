import { HOUR, now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import type { Locale } from "@/lib/generated/prisma/enums";
import { sendEmail } from "@/lib/notifications/send-email";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { EMAIL_CHANGE_LINK_HOURS } from "./request-email-change";

/**
 * SEC-2: proving the login e-mail reuses the e-mail change machinery — a confirmation is a change request
 * whose new address is the current one, so the same single-use, expiring, hashed link and the same
 * `/confirm-email/…` page confirm it; using it sets `emailVerifiedAt`.
 */
export const EMAIL_CONFIRM_LINK_HOURS = EMAIL_CHANGE_LINK_HOURS;

/** Mails a new confirmation link to the account's address; an older pending confirmation link stops working. */
export async function sendEmailConfirmation(db: Db, user: { id: string; email: string; locale: Locale }): Promise<void> {
  const secret = randomSecret();
  const t = now();
  await db.$transaction([
    // Only confirmations (old = new = the current address); a pending change of address is left alone.
    db.emailChangeRequest.updateMany({ where: { userId: user.id, oldEmail: user.email, newEmail: user.email, usedAt: null }, data: { usedAt: t } }),
    db.emailChangeRequest.create({
      data: {
        userId: user.id,
        oldEmail: user.email,
        newEmail: user.email,
        tokenHash: hashSecret(secret),
        expiresAt: new Date(t.getTime() + EMAIL_CONFIRM_LINK_HOURS * HOUR),
        createdAt: t,
      },
    }),
  ]);
  await sendEmail(db, {
    to: user.email,
    template: "emailConfirm",
    params: { email: user.email, link: `${config.appUrl}/confirm-email/${secret}`, expiresInHours: EMAIL_CONFIRM_LINK_HOURS },
    locale: user.locale,
  });
}
