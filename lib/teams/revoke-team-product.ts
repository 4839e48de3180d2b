import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { findTeam, idField } from "./team-fields";

export const revokeTeamProductSchema = z.object({ orgId: idField, teamId: idField, productId: idField });
export type RevokeTeamProductInput = z.input<typeof revokeTeamProductSchema>;

/** ORG-6: withdraws a product from a team; members keep it only if granted otherwise. */
export async function revokeTeamProduct(db: Db, actor: Actor, raw: RevokeTeamProductInput) {
  const input = revokeTeamProductSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "teams.manage");
    const team = await findTeam(tx, me.orgId, input.teamId);
    const grant = await tx.productAccess.findFirst({
      where: { teamId: team.id, productId: input.productId, product: visibleProductsWhere(me) },
      select: { id: true, product: { select: { id: true, name: true } } },
    });
    if (!grant) throw new AppError("NOT_FOUND");
    await tx.productAccess.delete({ where: { id: grant.id } });
    await audit(tx, actor, {
      action: "team.productRevoked",
      orgId: me.orgId,
      targetId: team.id,
      metadata: { name: team.name, productId: grant.product.id, product: grant.product.name },
    });
    return { revoked: 1 };
  });
}
