import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/permissions";
import { requireMember } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { decodeCursor, encodeCursor, listProductOptions } from "@/lib/products/list-product-options";
import { listProductCategories } from "@/lib/products/list-products";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { findTeam, idField } from "./team-fields";

export const TEAM_PRODUCTS_PER_PAGE = 25;

export const getTeamSchema = z.object({
  orgId: idField,
  teamId: idField,
  /**
   * The console's page: the granted products one page at a time by (name, id), after `productsAfter`,
   * and the pickers' candidates. Otherwise (the API) every grant and no candidates.
   */
  forPage: z.boolean().default(false),
  productsAfter: z.string().max(400).optional().catch(undefined),
});
export type GetTeamInput = z.input<typeof getTeamSchema>;

/**
 * ORG-6: one team with its members and granted products — only the products the reader sees (PRD-3,
 * SEC-4: a USER reading a team learns nothing of the others, not even their number); for those who may
 * manage it, also the
 * Organization's other members, and the first page of the products to pick from (the product picker
 * fetches the others) with the category codes — for the console's page (`forPage`), where the granted
 * products also come one page at a time by name (`productsAfter`), with their count.
 */
export async function getTeam(db: Db, actor: Actor, raw: GetTeamInput) {
  const input = getTeamSchema.parse(raw);
  const me = await requireMember(db, actor, input.orgId, "teams.read");
  const team = await findTeam(db, me.orgId, input.teamId);
  const canManage = can(me.role, "teams.manage");
  const candidates = canManage && input.forPage;
  const memberSelect = { id: true, role: true, user: { select: { firstName: true, lastName: true, email: true } } } as const;
  const productSelect = { id: true, name: true, category: { select: { code: true } } } as const;
  const after = decodeCursor(input.productsAfter);
  const visible = visibleProductsWhere(me);
  const grantsWhere = { teamId: team.id, product: visible };
  const [members, grants, grantCount, otherMembers, pickable, categories] = await Promise.all([
    db.membership.findMany({
      where: { orgId: me.orgId, teams: { some: { teamId: team.id } } },
      orderBy: [{ user: { firstName: "asc" } }, { user: { lastName: "asc" } }, { id: "asc" }],
      select: memberSelect,
    }),
    db.productAccess.findMany({
      where: after
        ? { ...grantsWhere, product: { AND: [visible, { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] }] } }
        : grantsWhere,
      orderBy: [{ product: { name: "asc" } }, { productId: "asc" }],
      ...(input.forPage ? { take: TEAM_PRODUCTS_PER_PAGE + 1 } : {}),
      select: { level: true, product: { select: productSelect } },
    }),
    db.productAccess.count({ where: grantsWhere }),
    candidates
      ? db.membership.findMany({
          where: { orgId: me.orgId, teams: { none: { teamId: team.id } } },
          orderBy: [{ user: { firstName: "asc" } }, { user: { lastName: "asc" } }, { id: "asc" }],
          select: memberSelect,
        })
      : [],
    candidates ? listProductOptions(db, actor, { orgId: me.orgId }) : null,
    candidates ? listProductCategories(db) : [],
  ]);
  const person = (m: (typeof members)[number]) => ({
    membershipId: m.id,
    role: m.role,
    name: `${m.user.firstName} ${m.user.lastName}`.trim(),
    email: m.user.email,
  });
  const page = input.forPage ? grants.slice(0, TEAM_PRODUCTS_PER_PAGE) : grants;
  const last = page.at(-1);
  return {
    team,
    canManage,
    members: members.map(person),
    products: page.map((g) => ({ id: g.product.id, name: g.product.name, category: g.product.category.code, level: g.level })),
    productCount: grantCount,
    nextProductsCursor: grants.length > page.length && last ? encodeCursor(last.product) : null,
    candidates: { members: otherMembers.map(person), products: pickable, categories },
  };
}
