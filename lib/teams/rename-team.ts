import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { findTeam, idField, nameTakenError, teamNameField } from "./team-fields";

export const renameTeamSchema = z.object({ orgId: idField, teamId: idField, name: teamNameField });
export type RenameTeamInput = z.input<typeof renameTeamSchema>;

/** ORG-6: renames a team; the new name must be free in the Organization. */
export async function renameTeam(db: Db, actor: Actor, raw: RenameTeamInput) {
  const input = renameTeamSchema.parse(raw);
  try {
    return await db.$transaction(async (tx) => {
      const me = await requireMember(tx, actor, input.orgId, "teams.manage");
      const team = await findTeam(tx, me.orgId, input.teamId);
      if (team.name === input.name) return team;
      const renamed = await tx.team.update({ where: { id: team.id }, data: { name: input.name }, select: { id: true, name: true } });
      await audit(tx, actor, { action: "team.renamed", orgId: me.orgId, targetId: team.id, metadata: { name: renamed.name, previous: team.name } });
      return renamed;
    });
  } catch (err) {
    throw nameTakenError(err);
  }
}
