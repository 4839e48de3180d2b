import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { findTeam, idField, idList } from "./team-fields";

export const grantTeamProductsSchema = z.object({
  orgId: idField,
  teamId: idField,
  productIds: idList,
  level: z.enum(["READ", "MANAGE"], { message: "validation.invalid" }).default("MANAGE"),
});
export type GrantTeamProductsInput = z.input<typeof grantTeamProductsSchema>;

/**
 * ORG-6 / PRD-3: grants products of the same Organization to a team; every member of the team then sees
 * them (their access is the union of their own grants and their teams'). A product already granted keeps
 * its grant, with the level given now. Only products the granter sees may be granted (PRD-3: nobody hands
 * out more than they hold); any other id is NOT_FOUND. READ lets the members see a product, MANAGE also
 * change it (SEC-5, see GRANT_LEVEL_PERMISSIONS).
 */
export async function grantTeamProducts(db: Db, actor: Actor, raw: GrantTeamProductsInput) {
  const input = grantTeamProductsSchema.parse(raw);
  const ids = [...new Set(input.productIds)];
  return db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "teams.manage");
    const team = await findTeam(tx, me.orgId, input.teamId);
    const products = await tx.product.findMany({ where: { AND: [visibleProductsWhere(me), { id: { in: ids } }] }, select: { id: true, name: true } });
    if (products.length !== ids.length) throw new AppError("NOT_FOUND");
    for (const p of products) {
      await tx.productAccess.upsert({
        where: { productId_teamId: { productId: p.id, teamId: team.id } },
        create: { productId: p.id, teamId: team.id, level: input.level },
        update: { level: input.level },
      });
      await audit(tx, actor, {
        action: "team.productGranted",
        orgId: me.orgId,
        targetId: team.id,
        metadata: { name: team.name, productId: p.id, product: p.name, level: input.level },
      });
    }
    return { granted: products.length };
  });
}
