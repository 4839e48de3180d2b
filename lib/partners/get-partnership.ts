import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { allows, requireMember } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const getPartnershipSchema = z.object({ orgId: z.string().min(1), partnershipId: z.string().min(1).max(64) });

/** Products listed on the partner's page; the count says how many there are in all. */
const PRODUCTS_SHOWN = 200;

/**
 * PRT-3, PRT-6, PRT-7: one partner of the client, for its page — its access (the granted products by
 * category, or the whole Organization), who pays (full access), its status — and whether the person may
 * change it. Another Organization's partnership is NOT_FOUND.
 */
export async function getPartnership(db: Db, actor: Actor, raw: z.input<typeof getPartnershipSchema>) {
  const input = getPartnershipSchema.parse(raw);
  const me = await requireMember(db, actor, input.orgId, "partners.read");
  const p = await db.partnership.findFirst({
    where: { id: input.partnershipId, clientOrgId: me.orgId },
    select: {
      id: true,
      access: true,
      payer: true,
      status: true,
      createdAt: true,
      acceptedAt: true,
      endedAt: true,
      expiresAt: true,
      partner: { select: { displayName: true, contactEmail: true, website: true } },
      products: {
        select: { product: { select: { id: true, name: true, category: { select: { code: true } } } } },
        orderBy: { product: { name: "asc" } },
        take: PRODUCTS_SHOWN,
      },
      _count: { select: { products: true } },
    },
  });
  if (!p) throw new AppError("NOT_FOUND");
  const byCategory = new Map<string, { id: string; name: string }[]>();
  for (const { product } of p.products) {
    const list = byCategory.get(product.category.code) ?? [];
    list.push({ id: product.id, name: product.name });
    byCategory.set(product.category.code, list);
  }
  return {
    ...p,
    categories: [...byCategory.entries()].map(([code, products]) => ({ code, products })),
    productCount: p._count.products,
    mayManage: allows(me, "partners.manage"),
  };
}
