import { DAY, now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db, Tx } from "@/lib/db";
import type { Locale } from "@/lib/generated/prisma/enums";
import { sendEmail } from "@/lib/notifications/send-email";
import { hashSecret, randomSecret } from "@/lib/security/tokens";

/** ORG-2: an invitation link works for seven days, once. */
export const INVITATION_DAYS = 7;

/** A fresh link secret: the e-mail carries the secret, the database only its hash. */
export function newInvitationSecret(at: Date = now()) {
  const secret = randomSecret();
  return { secret, tokenHash: hashSecret(secret), expiresAt: new Date(at.getTime() + INVITATION_DAYS * DAY) };
}

export function invitationLink(secret: string): string {
  return `${config.appUrl}/invitations/${secret}`;
}

/** Who invites, and in which language: the invitee has no account yet, so the inviter's language. */
export async function inviterDetails(tx: Tx, userId: string, orgId: string) {
  const [user, org] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: userId }, select: { firstName: true, lastName: true, locale: true } }),
    tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } }),
  ]);
  return { inviterName: `${user.firstName} ${user.lastName}`.trim(), organizationName: org.name, locale: user.locale };
}

/** Sent after the transaction commits, so a slow mail server never holds row locks. */
export function sendInvitationMail(
  db: Db,
  input: { to: string; secret: string; inviterName: string; organizationName: string; locale: Locale },
) {
  return sendEmail(db, {
    to: input.to,
    template: "invitation",
    params: {
      inviterName: input.inviterName,
      organizationName: input.organizationName,
      link: invitationLink(input.secret),
      expiresInDays: INVITATION_DAYS,
    },
    locale: input.locale,
  });
}
