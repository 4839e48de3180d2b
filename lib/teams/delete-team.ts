import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { findTeam, idField } from "./team-fields";

export const deleteTeamSchema = z.object({ orgId: idField, teamId: idField });
export type DeleteTeamInput = z.input<typeof deleteTeamSchema>;

/**
 * ORG-6: deletes a team. Its memberships and product grants go with it (cascade), so its members keep
 * only their own access and that of their other teams; the members themselves stay in the Organization.
 */
export async function deleteTeam(db: Db, actor: Actor, raw: DeleteTeamInput) {
  const input = deleteTeamSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "teams.manage");
    const team = await findTeam(tx, me.orgId, input.teamId);
    const [memberCount, productCount] = await Promise.all([
      tx.teamMember.count({ where: { teamId: team.id } }),
      tx.productAccess.count({ where: { teamId: team.id } }),
    ]);
    await tx.team.delete({ where: { id: team.id } });
    await audit(tx, actor, { action: "team.deleted", orgId: me.orgId, targetId: team.id, metadata: { name: team.name, memberCount, productCount } });
    return { id: team.id };
  });
}
