import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember, type OrgAccess } from "@/lib/access/require-access";
import { emailField } from "@/lib/accounts/schemas";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ContactPreference } from "@/lib/generated/prisma/enums";
import { assertMayGrant, ROLES } from "@/lib/members/rules";
import { sendEmail } from "@/lib/notifications/send-email";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { inviterDetails, newInvitationSecret, sendInvitationMail } from "./invitation-mail";

export const CONTACT_PREFERENCES = [
  "BILLING",
  "TECHNICAL",
  "SECURITY",
  "COMMERCIAL",
] as const satisfies readonly ContactPreference[];

/** Checkbox groups arrive as nothing, one string or several: always a de-duplicated array. */
export const list = <T extends z.ZodType>(item: T) =>
  z
    .preprocess((v) => [...new Set(v === "" ? [] : Array.isArray(v) ? v : [v])], z.array(item).max(500, "validation.tooLong"))
    .default([]);

export const inviteUserSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  email: emailField,
  role: z.enum(ROLES, { message: "validation.required" }),
  productIds: list(z.string().min(1).max(64)),
  contactPrefs: list(z.enum(CONTACT_PREFERENCES, { message: "validation.invalid" })),
});
export type InviteUserInput = Omit<z.input<typeof inviteUserSchema>, "productIds" | "contactPrefs"> & {
  productIds?: string[];
  contactPrefs?: ContactPreference[];
};

/** ORG-2: the products may only be ones of this Organization that the inviter sees (PRD-3). */
export async function assertGrantableProducts(tx: Tx, me: OrgAccess, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return;
  const found = await tx.product.count({ where: { AND: [visibleProductsWhere(me), { id: { in: productIds } }] } });
  if (found !== productIds.length)
    throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { productIds: ["invitations.errors.unknownProduct"] });
}

/**
 * ORG-2: adds a user with their role, per-product access and contact preferences, all in one step.
 * An existing account is extended to this Organization at once (and told by e-mail); anyone else gets
 * an invitation valid seven days, whose link creates their account in this Organization (ACC-2).
 * Nobody hands out a role above their own, and only a legal representative invites one (ORG-5).
 */
export async function inviteUser(db: Db, actor: Actor, raw: InviteUserInput) {
  const input = inviteUserSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "users.invite");
    assertMayGrant(me.role, input.role);
    await assertGrantableProducts(tx, me, input.productIds);
    const inviter = await inviterDetails(tx, me.userId, me.orgId);

    // Two people adding the same address at once must not create two invitations (or two memberships).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invite:${me.orgId}:${input.email}`}))`;
    const existing = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, firstName: true, locale: true, lastOrgId: true },
    });
    if (existing) {
      const already = await tx.membership.findUnique({
        where: { orgId_userId: { orgId: me.orgId, userId: existing.id } },
        select: { id: true },
      });
      if (already)
        throw new AppError("CONFLICT", "invitations.errors.alreadyMember", { email: ["invitations.errors.alreadyMember"] });
      const membership = await tx.membership.create({
        data: {
          orgId: me.orgId,
          userId: existing.id,
          role: input.role,
          contactPrefs: input.contactPrefs,
          productAccess: { create: input.productIds.map((productId) => ({ productId })) },
        },
      });
      if (!existing.lastOrgId) await tx.user.update({ where: { id: existing.id }, data: { lastOrgId: me.orgId } });
      await audit(tx, actor, {
        action: "membership.added",
        orgId: me.orgId,
        targetId: membership.id,
        metadata: { userId: existing.id, role: input.role, productIds: input.productIds, contactPrefs: input.contactPrefs },
      });
      return { kind: "added" as const, membershipId: membership.id, to: existing, inviter };
    }

    const pending = await tx.invitation.findFirst({
      where: { orgId: me.orgId, email: input.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now() } },
      select: { id: true },
    });
    if (pending)
      throw new AppError("CONFLICT", "invitations.errors.alreadyInvited", { email: ["invitations.errors.alreadyInvited"] });
    const createdAt = now();
    const link = newInvitationSecret(createdAt);
    const invitation = await tx.invitation.create({
      data: {
        orgId: me.orgId,
        email: input.email,
        role: input.role,
        productIds: input.productIds,
        contactPrefs: input.contactPrefs,
        tokenHash: link.tokenHash,
        expiresAt: link.expiresAt,
        invitedById: me.userId,
        createdAt,
      },
    });
    await audit(tx, actor, {
      action: "invitation.created",
      orgId: me.orgId,
      targetId: invitation.id,
      metadata: { email: input.email, role: input.role, productIds: input.productIds, contactPrefs: input.contactPrefs },
    });
    return { kind: "invited" as const, invitationId: invitation.id, secret: link.secret, inviter };
  });

  if (result.kind === "added") {
    await sendEmail(db, {
      to: input.email,
      template: "addedToOrganization",
      params: {
        name: result.to.firstName,
        inviterName: result.inviter.inviterName,
        organizationName: result.inviter.organizationName,
        consoleUrl: `${config.appUrl}/${input.orgId}/dashboard`,
      },
      locale: result.to.locale,
    });
    return { kind: result.kind, email: input.email, membershipId: result.membershipId };
  }
  await sendInvitationMail(db, { to: input.email, secret: result.secret, ...result.inviter });
  return { kind: result.kind, email: input.email, invitationId: result.invitationId };
}
