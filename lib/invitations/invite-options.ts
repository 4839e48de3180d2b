import type { Actor } from "@/lib/access/actor";
import { requireMember, type OrgAccess } from "@/lib/access/require-access";
import type { Db, Tx } from "@/lib/db";
import { assignableRoles } from "@/lib/members/rules";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { CONTACT_PREFERENCES } from "./invite-user";

/** What the "Add a user" form offers: the roles the inviter may give and their visible products by category. */
export async function inviteOptions(db: Db, actor: Actor, orgId: string) {
  const me = await requireMember(db, actor, orgId, "users.invite");
  return { roles: assignableRoles(me.role), categories: await grantableCategories(db, me), contactPreferences: [...CONTACT_PREFERENCES] };
}

export type ProductCategoryGroup = { code: string; products: { id: string; name: string }[] };

/** The products `me` may hand out (those they see, PRD-3), grouped by category for a checkbox picker. */
export async function grantableCategories(db: Db | Tx, me: OrgAccess): Promise<ProductCategoryGroup[]> {
  const products = await db.product.findMany({
    where: { AND: [visibleProductsWhere(me), { status: { not: "TERMINATED" } }] },
    select: { id: true, name: true, category: { select: { code: true, sortOrder: true } } },
    orderBy: [{ category: { sortOrder: "asc" } }, { name: "asc" }],
  });
  const categories: ProductCategoryGroup[] = [];
  for (const p of products) {
    let group = categories.find((c) => c.code === p.category.code);
    if (!group) categories.push((group = { code: p.category.code, products: [] }));
    group.products.push({ id: p.id, name: p.name });
  }
  return categories;
}
