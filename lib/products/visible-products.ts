import { can, levelsWith, PARTNER_PERMISSIONS, type ProductAction } from "@/lib/access/permissions";
import type { OrgAccess } from "@/lib/access/require-access";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AccessLevel } from "@/lib/generated/prisma/enums";

const ACCESS_LEVELS = Object.values(AccessLevel);

/**
 * Whether this access reaches products through per-product grants (ORG-2, ORG-6) — a member whose role
 * does not hold "products.readAll" — so a grant's level (READ / MANAGE) limits what it may do with each.
 * Legal representatives, administrators and partners are not limited by grants.
 */
export function limitedByGrants(access: OrgAccess): boolean {
  return access.via === "membership" && !can(access.role, "products.readAll");
}

/** Whether an access sees every product of the Organization (so may skip filtering by visibility). */
export function seesEveryProduct(access: OrgAccess): boolean {
  if (access.via === "membership") return can(access.role, "products.readAll");
  return access.via === "partnership" && PARTNER_PERMISSIONS[access.partnerAccess].has("products.readAll");
}

/** PRD-3 and the grant-level table: the products on which an access may take a product action. */
function productsWhere(access: OrgAccess, action: ProductAction): Prisma.ProductWhereInput {
  switch (access.via) {
    case "membership": {
      if (!limitedByGrants(access)) return { orgId: access.orgId };
      const levels = levelsWith(action);
      // Every level may read: the grant's level then says nothing, and the query stays the plain one.
      const level: Prisma.ProductAccessWhereInput = levels.length === ACCESS_LEVELS.length ? {} : { level: { in: levels } };
      return {
        orgId: access.orgId,
        access: {
          some: {
            ...level,
            OR: [{ membershipId: access.membershipId }, { team: { members: { some: { membershipId: access.membershipId } } } }],
          },
        },
      };
    }
    case "partnership":
      if (PARTNER_PERMISSIONS[access.partnerAccess].has("products.readAll")) return { orgId: access.orgId };
      return { orgId: access.orgId, partnerGrants: { some: { partnershipId: access.partnershipId } } };
    case "support":
      return { orgId: access.orgId, id: { in: [] } };
  }
}

/**
 * PRD-3: the products an access may see in an Organization — the one function every list, count, export
 * and API call uses. Whoever's table row holds "products.readAll" (legal representatives, administrators,
 * a partner with full access) sees all; other members only products granted to them or to one of their
 * teams, at any level; a partner with limited access only the products of its partnership (PRT-3);
 * support staff none. Visibility follows the person's row, not a token's scopes: a token's scopes limit
 * what it may do, and its services check them through requireAccess.
 */
export function visibleProductsWhere(access: OrgAccess): Prisma.ProductWhereInput {
  return productsWhere(access, "product.read");
}

/**
 * PRD-3 / SEC-5: the products an access may change (tags, and renewal or payment): those it sees, except,
 * for a member limited by grants, the products held only through READ grants. The role's own right to the
 * kind of change ("tags.manage", "billing.pay", …) is checked by requireAccess as usual.
 */
export function changeableProductsWhere(access: OrgAccess): Prisma.ProductWhereInput {
  return productsWhere(access, "product.change");
}

/**
 * The check every service that changes products runs, in its transaction, after requireAccess: each
 * product must be visible (else NOT_FOUND, existence is never revealed) and changeable (else FORBIDDEN:
 * a READ grant lets the member see the product, not change it). One statement, two for a member limited
 * by grants.
 */
export async function requireProductsToChange(tx: Tx, access: OrgAccess, productIds: string[]): Promise<void> {
  const ids = [...new Set(productIds)];
  const visible = await tx.product.count({ where: { AND: [visibleProductsWhere(access), { id: { in: ids } }] } });
  if (visible !== ids.length) throw new AppError("NOT_FOUND");
  if (!limitedByGrants(access)) return;
  const changeable = await tx.product.count({ where: { AND: [changeableProductsWhere(access), { id: { in: ids } }] } });
  if (changeable !== ids.length) throw new AppError("FORBIDDEN", "errors.productReadOnly");
}

/** Of these product ids (all visible), those the access may change — for showing or hiding controls. */
export async function changeableProductIds(tx: Tx, access: OrgAccess, productIds: string[]): Promise<Set<string>> {
  if (!limitedByGrants(access) || productIds.length === 0) return new Set(productIds);
  const rows = await tx.product.findMany({ where: { AND: [changeableProductsWhere(access), { id: { in: productIds } }] }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
