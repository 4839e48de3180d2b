import { can, PARTNER_PERMISSIONS } from "@/lib/access/permissions";
import type { OrgAccess } from "@/lib/access/require-access";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * PRD-3: the products an access may see in an Organization — the one function every list, count, export
 * and API call uses. Whoever's table row holds "products.readAll" (legal representatives, administrators,
 * a partner with full access) sees all; other members only products granted to them or to one of their
 * teams; a partner with limited access only the products of its partnership (PRT-3); support staff none.
 * Visibility follows the person's row, not a token's scopes: a token's scopes limit what it may do, and
 * its services check them through requireAccess.
 */
export function visibleProductsWhere(access: OrgAccess): Prisma.ProductWhereInput {
  switch (access.via) {
    case "membership":
      if (can(access.role, "products.readAll")) return { orgId: access.orgId };
      return {
        orgId: access.orgId,
        access: {
          some: {
            OR: [{ membershipId: access.membershipId }, { team: { members: { some: { membershipId: access.membershipId } } } }],
          },
        },
      };
    case "partnership":
      if (PARTNER_PERMISSIONS[access.partnerAccess].has("products.readAll")) return { orgId: access.orgId };
      return { orgId: access.orgId, partnerGrants: { some: { partnershipId: access.partnershipId } } };
    case "support":
      return { orgId: access.orgId, id: { in: [] } };
  }
}
