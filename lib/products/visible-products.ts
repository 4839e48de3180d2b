import type { OrgAccess } from "@/lib/access/require-access";
import { can } from "@/lib/access/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * PRD-3: the products an actor may see in an Organization. Legal representatives and administrators see
 * all; other members only products granted to them or to one of their teams. Built in one place so every
 * list, count and API call applies the same rule.
 */
export function visibleProductsWhere(access: OrgAccess): Prisma.ProductWhereInput {
  if (can(access.role, "products.readAll")) return { orgId: access.orgId };
  return {
    orgId: access.orgId,
    access: {
      some: {
        OR: [{ membershipId: access.membershipId }, { team: { members: { some: { membershipId: access.membershipId } } } }],
      },
    },
  };
}
