import { rolesWith } from "@/lib/access/permissions";
import { DAY, now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db, Tx } from "@/lib/db";
import type { Locale, PartnerAccess, PartnerPayer } from "@/lib/generated/prisma/enums";
import { sendEmail } from "@/lib/notifications/send-email";
import { hashSecret, randomSecret } from "@/lib/security/tokens";

/** PRT-4: the accept / refuse link of a partner invitation works for fourteen days, once. */
export const PARTNER_INVITATION_DAYS = 14;

/** A fresh link secret: the e-mail carries the secret, the database only its hash. */
export function newPartnerInvitationSecret(at: Date = now()) {
  const secret = randomSecret();
  return { secret, tokenHash: hashSecret(secret), expiresAt: new Date(at.getTime() + PARTNER_INVITATION_DAYS * DAY) };
}

export function partnerInvitationLink(secret: string, answer?: "refuse"): string {
  return `${config.appUrl}/partner-invitations/${secret}${answer ? `?answer=${answer}` : ""}`;
}

export type Recipient = { email: string; locale: Locale };

/**
 * Who hears about a partnership on the partner's side: the partner's contact address and the members of
 * the partner Organization whose role takes on clients ("clients.manageAll": they are the ones who may
 * accept). Each in their own language; the contact address, when it is nobody's login, in `fallback`.
 */
export async function partnerRecipients(tx: Tx, partnerId: string, fallback: Locale): Promise<Recipient[]> {
  const partner = await tx.partner.findUniqueOrThrow({
    where: { id: partnerId },
    select: {
      contactEmail: true,
      organization: {
        select: { memberships: { where: { role: { in: rolesWith("clients.manageAll") } }, select: { user: { select: { email: true, locale: true } } } } },
      },
    },
  });
  const people = partner.organization.memberships.map((m) => m.user);
  const contact = partner.contactEmail.toLowerCase();
  const byEmail = new Map<string, Recipient>(people.map((u) => [u.email.toLowerCase(), { email: u.email, locale: u.locale }]));
  if (!byEmail.has(contact)) byEmail.set(contact, { email: partner.contactEmail, locale: fallback });
  return [...byEmail.values()];
}

/** The legal representatives of the client (for what the partner does to the partnership). */
export async function clientRecipients(tx: Tx, clientOrgId: string): Promise<Recipient[]> {
  const members = await tx.membership.findMany({
    where: { orgId: clientOrgId, role: { in: rolesWith("partners.manage") } },
    select: { user: { select: { email: true, locale: true } } },
  });
  return members.map((m) => ({ email: m.user.email, locale: m.user.locale }));
}

/** Sent after the transaction commits, so a slow mail server never holds row locks. */
export async function sendPartnerInvitationMails(
  db: Db,
  input: { to: Recipient[]; secret: string; clientName: string; inviterName: string; access: PartnerAccess },
) {
  for (const r of input.to) {
    await sendEmail(db, {
      to: r.email,
      template: "partnerInvitation",
      locale: r.locale,
      params: {
        clientName: input.clientName,
        inviterName: input.inviterName,
        access: input.access,
        acceptLink: partnerInvitationLink(input.secret),
        refuseLink: partnerInvitationLink(input.secret, "refuse"),
        expiresInDays: PARTNER_INVITATION_DAYS,
      },
    });
  }
}

export async function sendPayerChangedMails(db: Db, input: { to: Recipient[]; clientName: string; payer: PartnerPayer }) {
  for (const r of input.to) {
    await sendEmail(db, {
      to: r.email,
      template: "partnerPayerChanged",
      locale: r.locale,
      params: { clientName: input.clientName, payer: input.payer, consoleUrl: `${config.appUrl}/reseller` },
    });
  }
}

export async function sendPartnershipEndedMails(
  db: Db,
  input: { to: Recipient[]; clientName: string; partnerName: string; endedBy: "client" | "partner" },
) {
  for (const r of input.to) {
    await sendEmail(db, {
      to: r.email,
      template: "partnershipEnded",
      locale: r.locale,
      params: { clientName: input.clientName, partnerName: input.partnerName, endedBy: input.endedBy, consoleUrl: config.appUrl },
    });
  }
}
