import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { visibleProductsWhere } from "@/lib/products/visible-products";

/** The products a member may name on a support request: those they see (PRD-3), by name. */
export async function supportProductChoices(db: Db, actor: Actor, orgId: string) {
  const access = await requireMember(db, actor, orgId, "support.request");
  return db.product.findMany({ where: visibleProductsWhere(access), orderBy: [{ name: "asc" }, { id: "asc" }], take: 500, select: { id: true, name: true } });
}
