import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import type { MailTemplates } from "@/lib/mail/templates";
import { sendEmail } from "@/lib/notifications/send-email";

type Change = MailTemplates["twoFactorChanged"];

/**
 * 2FA-4: tells the account owner by e-mail that a verification method was added or removed, or that
 * two-step verification was turned off — after the change is committed, so a failed change sends nothing.
 */
export async function notifyTwoFactorChange(db: Db, userId: string, change: Change["change"], method: Change["method"]): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, locale: true, timeZone: true } });
  if (!user) return;
  await sendEmail(db, {
    to: user.email,
    template: "twoFactorChanged",
    params: { change, method, when: now(), securityUrl: `${config.appUrl}/account/security`, timeZone: user.timeZone },
    locale: user.locale,
  });
}
