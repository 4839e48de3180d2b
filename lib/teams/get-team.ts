import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/permissions";
import { requireMember } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { findTeam, idField } from "./team-fields";

export const getTeamSchema = z.object({ orgId: idField, teamId: idField });
export type GetTeamInput = z.input<typeof getTeamSchema>;

/**
 * ORG-6: one team with its members and granted products; for those who may manage it, also the
 * Organization's other members and products to pick from (products grouped by category code).
 */
export async function getTeam(db: Db, actor: Actor, raw: GetTeamInput) {
  const input = getTeamSchema.parse(raw);
  const me = await requireMember(db, actor, input.orgId, "teams.read");
  const team = await findTeam(db, me.orgId, input.teamId);
  const canManage = can(me.role, "teams.manage");
  const memberSelect = { id: true, role: true, user: { select: { firstName: true, lastName: true, email: true } } } as const;
  const productSelect = { id: true, name: true, category: { select: { code: true, sortOrder: true } } } as const;
  const [members, grants, otherMembers, otherProducts] = await Promise.all([
    db.membership.findMany({
      where: { orgId: me.orgId, teams: { some: { teamId: team.id } } },
      orderBy: [{ user: { firstName: "asc" } }, { user: { lastName: "asc" } }, { id: "asc" }],
      select: memberSelect,
    }),
    db.productAccess.findMany({
      where: { teamId: team.id, product: { orgId: me.orgId } },
      orderBy: [{ product: { category: { sortOrder: "asc" } } }, { product: { name: "asc" } }],
      select: { level: true, product: { select: productSelect } },
    }),
    canManage
      ? db.membership.findMany({
          where: { orgId: me.orgId, teams: { none: { teamId: team.id } } },
          orderBy: [{ user: { firstName: "asc" } }, { user: { lastName: "asc" } }, { id: "asc" }],
          select: memberSelect,
        })
      : [],
    canManage
      ? db.product.findMany({
          where: { orgId: me.orgId, access: { none: { teamId: team.id } } },
          orderBy: [{ category: { sortOrder: "asc" } }, { name: "asc" }],
          select: productSelect,
        })
      : [],
  ]);
  const person = (m: (typeof members)[number]) => ({
    membershipId: m.id,
    role: m.role,
    name: `${m.user.firstName} ${m.user.lastName}`.trim(),
    email: m.user.email,
  });
  const product = (p: (typeof otherProducts)[number]) => ({ id: p.id, name: p.name, category: p.category.code });
  return {
    team,
    canManage,
    members: members.map(person),
    products: grants.map((g) => ({ ...product(g.product), level: g.level })),
    candidates: {
      members: otherMembers.map(person),
      products: groupByCategory(otherProducts.map(product)),
    },
  };
}

/** Products grouped by category, in the categories' display order (the input is already sorted). */
function groupByCategory<P extends { category: string }>(products: P[]): { category: string; products: P[] }[] {
  const groups: { category: string; products: P[] }[] = [];
  for (const p of products) {
    const last = groups.at(-1);
    if (last && last.category === p.category) last.products.push(p);
    else groups.push({ category: p.category, products: [p] });
  }
  return groups;
}
