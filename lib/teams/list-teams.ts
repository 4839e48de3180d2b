import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/permissions";
import { requireMember } from "@/lib/access/require-access";
import { seesEveryProduct, visibleProductsWhere } from "@/lib/products/visible-products";
import type { Db } from "@/lib/db";
import { idField } from "./team-fields";

export const listTeamsSchema = z.object({ orgId: idField });
export type ListTeamsInput = z.input<typeof listTeamsSchema>;

/**
 * ORG-6: the Organization's teams by name, with how many members each has and how many of its products
 * the reader sees (PRD-3, SEC-4).
 */
export async function listTeams(db: Db, actor: Actor, raw: ListTeamsInput) {
  const { orgId } = listTeamsSchema.parse(raw);
  const me = await requireMember(db, actor, orgId, "teams.read");
  const teams = await db.team.findMany({
    where: { orgId: me.orgId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      createdAt: true,
      _count: { select: { members: true, productAccess: seesEveryProduct(me) ? true : { where: { product: visibleProductsWhere(me) } } } },
    },
  });
  return {
    items: teams.map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt, memberCount: t._count.members, productCount: t._count.productAccess })),
    canManage: can(me.role, "teams.manage"),
  };
}
