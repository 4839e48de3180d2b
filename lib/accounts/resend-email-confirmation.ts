import type { UserActor } from "@/lib/access/actor";
import type { Db } from "@/lib/db";
import { consumeOrThrow } from "@/lib/security/rate-limit";
import { sendEmailConfirmation } from "./email-confirmation";

/**
 * SEC-2: the "confirm your address" notice's button. Limited per account (each press mails the address),
 * and a no-op once the address is proven.
 */
export async function resendEmailConfirmation(db: Db, actor: UserActor): Promise<{ email: string; sent: boolean }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, email: true, locale: true, emailVerifiedAt: true } });
  if (user.emailVerifiedAt) return { email: user.email, sent: false };
  await consumeOrThrow("emailConfirmPerAccount", user.id);
  await sendEmailConfirmation(db, user);
  return { email: user.email, sent: true };
}
