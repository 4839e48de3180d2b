import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { list } from "@/lib/invitations/invite-user";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { newPartnerInvitationSecret, partnerRecipients, sendPartnerInvitationMails } from "./partnership-mail";

export const addPartnerSchema = z
  .object({
    orgId: z.string().min(1, "validation.required"),
    partnerId: z.string().min(1, "partnerships.errors.pickPartner").max(64),
    access: z.enum(["LIMITED", "FULL"], { message: "partnerships.errors.pickAccess" }),
    productIds: list(z.string().min(1).max(64)),
    payer: z.enum(["CLIENT", "PARTNER"], { message: "partnerships.errors.pickPayer" }).optional(),
  })
  .superRefine((v, ctx) => {
    // PRT-3: limited access names its products; full access names who pays.
    if (v.access === "LIMITED" && v.productIds.length === 0) ctx.addIssue({ code: "custom", path: ["productIds"], message: "partnerships.errors.pickProducts" });
    if (v.access === "FULL" && !v.payer) ctx.addIssue({ code: "custom", path: ["payer"], message: "partnerships.errors.pickPayer" });
  });
export type AddPartnerInput = z.input<typeof addPartnerSchema>;

/**
 * PRT-2, PRT-3, PRT-4: a legal representative of the client adds an approved partner with limited access
 * (the products picked) or full access (the whole Organization, and who pays). The partnership waits,
 * PENDING, until the partner answers the e-mailed link (single use, 14 days; only its hash is stored).
 */
export async function addPartner(db: Db, actor: Actor, raw: AddPartnerInput) {
  const input = addPartnerSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "partners.manage");
    const partner = await tx.partner.findFirst({ where: { id: input.partnerId, approvedAt: { not: null }, orgId: { not: me.orgId } }, select: { id: true } });
    if (!partner) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { partnerId: ["partnerships.errors.pickPartner"] });
    const productIds = input.access === "LIMITED" ? input.productIds : [];
    if (productIds.length) {
      const found = await tx.product.count({ where: { AND: [visibleProductsWhere(me), { id: { in: productIds } }] } });
      if (found !== productIds.length) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { productIds: ["invitations.errors.unknownProduct"] });
    }
    // Two legal representatives adding the same partner at once must not create two partnerships.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`partnership:${me.orgId}:${partner.id}`}))`;
    const open = await tx.partnership.findFirst({ where: { clientOrgId: me.orgId, partnerId: partner.id, status: { in: ["PENDING", "ACTIVE"] } }, select: { id: true } });
    if (open) throw new AppError("CONFLICT", "partnerships.errors.alreadyPartner", { partnerId: ["partnerships.errors.alreadyPartner"] });

    const link = newPartnerInvitationSecret();
    const partnership = await tx.partnership.create({
      data: {
        partnerId: partner.id,
        clientOrgId: me.orgId,
        access: input.access,
        payer: input.access === "FULL" ? input.payer! : "CLIENT",
        status: "PENDING",
        tokenHash: link.tokenHash,
        expiresAt: link.expiresAt,
        invitedById: me.userId,
        products: { create: productIds.map((productId) => ({ productId })) },
      },
    });
    await audit(tx, actor, {
      action: "partnership.invited",
      orgId: me.orgId,
      targetId: partnership.id,
      metadata: { partnerId: partner.id, access: input.access, payer: partnership.payer, productIds },
    });
    const [inviter, client] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { id: me.userId }, select: { firstName: true, lastName: true, locale: true } }),
      tx.organization.findUniqueOrThrow({ where: { id: me.orgId }, select: { name: true } }),
    ]);
    return {
      partnershipId: partnership.id,
      secret: link.secret,
      to: await partnerRecipients(tx, partner.id, inviter.locale),
      clientName: client.name,
      inviterName: `${inviter.firstName} ${inviter.lastName}`.trim(),
    };
  });
  await sendPartnerInvitationMails(db, { to: result.to, secret: result.secret, clientName: result.clientName, inviterName: result.inviterName, access: input.access });
  return { partnershipId: result.partnershipId };
}
