import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember, type OrgAccess } from "@/lib/access/require-access";
import { emailField } from "@/lib/accounts/schemas";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ContactPreference } from "@/lib/generated/prisma/enums";
import { assertMayGrant, ROLES } from "@/lib/members/rules";
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
 * ORG-2: adds a user with their role, per-product access and contact preferences, all in one step: an
 * invitation valid seven days, whose link creates the account in this Organization (ACC-2) or, for someone
 * who already has an account, lets them join once signed in.
 * SEC-2: an existing account is invited like anyone else — never added at once, since whoever signed up with
 * an address may not own it — and the answer, the work done and the mail are the same whether or not the
 * address has an account. Nobody hands out a role above their own, and only a legal representative invites
 * one (ORG-5).
 */
export async function inviteUser(db: Db, actor: Actor, raw: InviteUserInput): Promise<{ email: string; invitationId: string }> {
  const input = inviteUserSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "users.invite");
    assertMayGrant(me.role, input.role);
    await assertGrantableProducts(tx, me, input.productIds);
    const inviter = await inviterDetails(tx, me.userId, me.orgId);

    // Two people adding the same address at once must not create two invitations.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`invite:${me.orgId}:${input.email}`}))`;
    // Members are listed on the Users page already: saying so tells the inviter nothing new.
    const member = await tx.membership.findFirst({ where: { orgId: me.orgId, user: { email: input.email } }, select: { id: true } });
    if (member) throw new AppError("CONFLICT", "invitations.errors.alreadyMember", { email: ["invitations.errors.alreadyMember"] });
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
    return { invitationId: invitation.id, secret: link.secret, inviter };
  });

  await sendInvitationMail(db, { to: input.email, secret: result.secret, ...result.inviter });
  return { email: input.email, invitationId: result.invitationId };
}
