import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { rolesWith } from "@/lib/access/permissions";
import { allows, requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { payerOf } from "@/lib/partners/payer";
import { changeableProductIds, visibleProductsWhere } from "./visible-products";

export const getProductSchema = z.object({
  orgId: z.string().trim().min(1, "validation.required").max(64),
  productId: z.string().trim().min(1, "validation.required").max(64),
});
export type GetProductInput = z.input<typeof getProductSchema>;

const userSelect = { id: true, firstName: true, lastName: true, email: true } as const;

/**
 * The product page: details (PRD-1), the three distinct parties of PRD-2 — the holder/owner contact,
 * the Organization that manages it and the one that pays its renewals, as `payerOf` decides it (PRT-5: a
 * partner with full access that pays for its client, the managing Organization otherwise) — who has
 * access, and its tags. A product the actor may not see answers NOT_FOUND (PRD-3).
 */
export async function getProduct(db: Db, actor: Actor, raw: GetProductInput) {
  const { orgId, productId } = getProductSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, orgId, "products.read");
    const product = await tx.product.findFirst({
      where: { AND: [visibleProductsWhere(access), { id: productId }] },
      select: {
        id: true,
        name: true,
        status: true,
        expiresAt: true,
        renewalPeriodMonths: true,
        priceMinor: true,
        currency: true,
        autoRenew: true,
        createdAt: true,
        holderName: true,
        holderEmail: true,
        category: { select: { code: true } },
        organization: { select: { id: true, name: true } },
        tags: { select: { tag: { select: { id: true, name: true, color: true } } }, orderBy: { tag: { normalizedName: "asc" } } },
        access: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            level: true,
            membership: { select: { id: true, role: true, user: { select: userSelect } } },
            team: { select: { id: true, name: true } },
          },
        },
      },
    });
    if (!product) throw new AppError("NOT_FOUND");
    const { category, tags, access: grants, organization, ...details } = product;
    const canSeeMembers = allows(access, "users.read");
    // Legal representatives and administrators see every product (PRD-3): listed apart from the grants.
    const everyProduct = canSeeMembers
      ? await tx.membership.findMany({
          where: { orgId, role: { in: rolesWith("products.readAll") } },
          orderBy: [{ role: "asc" }, { createdAt: "asc" }],
          select: { id: true, role: true, user: { select: userSelect } },
        })
      : [];
    // SEC-5: a READ grant shows the product but does not let the member change it (tags included).
    const canChange = allows(access, "products.manage") && (await changeableProductIds(tx, access, [product.id])).has(product.id);
    // BIL-1: a suspended product shows the way to pay — the unpaid invoice that holds it, for billing readers.
    const unpaidInvoice =
      product.status === "BLOCKED" && allows(access, "billing.read")
        ? await tx.invoice.findFirst({ where: { orgId, status: "UNPAID", lines: { some: { productId: product.id } } }, orderBy: { dueAt: "asc" }, select: { id: true, number: true } })
        : null;
    // PRD-2, PRT-5: the payer shown is the one the renewals charge — the single decision, lib/partners/payer.ts.
    const payerOrgId = (await payerOf(tx, organization.id, "AUTO_RENEWAL")).orgId;
    const payer = payerOrgId === organization.id ? organization : await tx.organization.findUniqueOrThrow({ where: { id: payerOrgId }, select: { id: true, name: true } });
    return {
      ...details,
      category: category.code,
      unpaidInvoice,
      tags: tags.map((t) => t.tag),
      parties: {
        holder: { name: product.holderName, email: product.holderEmail },
        manager: organization,
        payer,
        payerIsManager: payer.id === organization.id,
      },
      access: canSeeMembers
        ? {
            byRole: everyProduct.map((m) => ({ membershipId: m.id, role: m.role, user: m.user })),
            users: grants.filter((g) => g.membership).map((g) => ({ id: g.id, level: g.level, role: g.membership!.role, user: g.membership!.user })),
            teams: grants.filter((g) => g.team).map((g) => ({ id: g.id, level: g.level, team: g.team! })),
          }
        : null,
      canChange,
      canTag: canChange && allows(access, "tags.manage"),
    };
  });
}
