import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listProductOptions } from "@/lib/products/list-product-options";
import { listProductCategories } from "@/lib/products/list-products";

/**
 * PRT-3: what the second step of "Add a partner" offers — the partner ticked (approved, not the client
 * itself), the first page of the Organization's products for the picker (it fetches the rest) and the
 * category codes to pick from. A legal representative only (PRT-2).
 */
export async function addPartnerOptions(db: Db, actor: Actor, input: { orgId: string; partnerId: string }) {
  const me = await requireMember(db, actor, input.orgId, "partners.manage");
  const partner = await db.partner.findFirst({
    where: { id: input.partnerId.slice(0, 64), approvedAt: { not: null }, orgId: { not: me.orgId } },
    select: { id: true, displayName: true, contactEmail: true },
  });
  if (!partner) throw new AppError("NOT_FOUND");
  const [products, categories] = await Promise.all([listProductOptions(db, actor, { orgId: me.orgId }), listProductCategories(db)]);
  return { partner, products, categories };
}
