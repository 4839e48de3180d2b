import { linkHolder } from "@/lib/access/actor";
import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { localeField, nameField, passwordField } from "@/lib/accounts/schemas";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Invitation } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/security/passwords";
import { hashSecret } from "@/lib/security/tokens";

const tokenField = z.string().min(20, "invitations.errors.linkInvalid").max(200, "invitations.errors.linkInvalid");

export const acceptInvitationSchema = z.object({
  token: tokenField,
  firstName: nameField,
  lastName: nameField,
  password: passwordField,
  locale: localeField.default("en"),
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationSchema>;

export const joinByInvitationSchema = z.object({ token: tokenField });
export type JoinByInvitationInput = z.input<typeof joinByInvitationSchema>;

const LINK_INVALID = () => new AppError("NOT_FOUND", "invitations.errors.linkInvalid");

/** The invitation behind a link, if it can still be used (not accepted, revoked or expired). */
async function usableInvitation(tx: Tx, token: string): Promise<Invitation> {
  const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now()) throw LINK_INVALID();
  return invitation;
}

/** Single use: of two concurrent acceptances only one conditional update matches. */
async function claim(tx: Tx, invitation: Invitation): Promise<void> {
  const claimed = await tx.invitation.updateMany({
    where: { id: invitation.id, tokenHash: invitation.tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now() } },
    data: { acceptedAt: now() },
  });
  if (claimed.count !== 1) throw LINK_INVALID();
}

/** The membership the invitation describes: role, contact preferences, and the products still in the Organization. */
async function join(tx: Tx, invitation: Invitation, userId: string) {
  const products = await tx.product.findMany({
    where: { orgId: invitation.orgId, id: { in: invitation.productIds } },
    select: { id: true },
  });
  return tx.membership.create({
    data: {
      orgId: invitation.orgId,
      userId,
      role: invitation.role,
      contactPrefs: invitation.contactPrefs,
      productAccess: { create: products.map((p) => ({ productId: p.id })) },
    },
  });
}

/**
 * ACC-2 / ORG-2: the invitee creates their account from the link and joins the inviting Organization
 * (no Organization of their own). One transaction: account, membership, access, used link and audit rows.
 */
export async function acceptInvitation(
  db: Db,
  raw: AcceptInvitationInput,
  meta: { ip?: string | null; userAgent?: string | null } = {},
) {
  const input = acceptInvitationSchema.parse(raw);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const invitation = await usableInvitation(tx, input.token);
      if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
        throw new AppError("CONFLICT", "invitations.errors.accountExists");
      }
      await claim(tx, invitation);
      const user = await tx.user.create({
        data: {
          email: invitation.email,
          passwordHash,
          firstName: input.firstName,
          lastName: input.lastName,
          locale: input.locale,
          lastOrgId: invitation.orgId,
          // The link was mailed to this address: using it proves the address (SEC-2).
          emailVerifiedAt: now(),
          createdAt: now(),
        },
      });
      const membership = await join(tx, invitation, user.id);
      const actor = linkHolder("invitation", invitation.id, user.id, meta);
      await audit(tx, actor, {
        action: "account.signedUp",
        orgId: invitation.orgId,
        targetId: user.id,
        metadata: { invitationId: invitation.id },
      });
      await audit(tx, actor, {
        action: "invitation.accepted",
        orgId: invitation.orgId,
        targetId: invitation.id,
        metadata: { membershipId: membership.id },
      });
      return { email: invitation.email, userId: user.id, orgId: invitation.orgId };
    });
  } catch (err) {
    // Someone created an account with this address in the meantime.
    if ((err as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "invitations.errors.accountExists");
    throw err;
  }
}

/**
 * ORG-2: a signed-in user whose e-mail the invitation names joins the Organization with the link.
 * SEC-2: joining needs a proven address. The link itself is that proof — it went only to the invited
 * address, and a secret from that mailbox is what the confirmation link offers too — so an account whose
 * address was not confirmed yet is confirmed by using it. Without the link (an account signed up by
 * someone else with that address) there is no way in.
 */
export async function joinByInvitation(db: Db, actor: Actor, raw: JoinByInvitationInput) {
  const input = joinByInvitationSchema.parse(raw);
  if (actor.kind !== "user") throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const invitation = await usableInvitation(tx, input.token);
    const me = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, emailVerifiedAt: true } });
    if (me.email !== invitation.email) throw new AppError("FORBIDDEN", "invitations.errors.otherAccount");
    await claim(tx, invitation);
    if (!me.emailVerifiedAt) {
      await tx.user.update({ where: { id: actor.userId }, data: { emailVerifiedAt: now() } });
      await audit(tx, actor, { action: "auth.emailConfirmed", targetId: actor.userId, metadata: { email: me.email, via: "invitation", invitationId: invitation.id } });
    }
    const existing = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: invitation.orgId, userId: actor.userId } },
      select: { id: true },
    });
    const membership = existing ?? (await join(tx, invitation, actor.userId));
    await tx.user.update({ where: { id: actor.userId }, data: { lastOrgId: invitation.orgId } });
    await audit(tx, actor, {
      action: "invitation.accepted",
      orgId: invitation.orgId,
      targetId: invitation.id,
      metadata: { membershipId: membership.id },
    });
    return { orgId: invitation.orgId };
  });
}
