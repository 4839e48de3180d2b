import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { assignableRoles } from "@/lib/members/rules";
import { listProductOptions } from "@/lib/products/list-product-options";
import { listProductCategories } from "@/lib/products/list-products";
import { CONTACT_PREFERENCES } from "./invite-user";

/**
 * What the "Add a user" form offers: the roles the inviter may give, the first page of the products they
 * may grant (those they see, PRD-3; the picker fetches the others) and the category codes to filter by.
 */
export async function inviteOptions(db: Db, actor: Actor, orgId: string) {
  const me = await requireMember(db, actor, orgId, "users.invite");
  const [products, categories] = await Promise.all([listProductOptions(db, actor, { orgId: me.orgId }), listProductCategories(db)]);
  return { roles: assignableRoles(me.role), products, categories, contactPreferences: [...CONTACT_PREFERENCES] };
}
