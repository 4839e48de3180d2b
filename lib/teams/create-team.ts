import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { idField, nameTakenError, teamNameField } from "./team-fields";

export const createTeamSchema = z.object({ orgId: idField, name: teamNameField });
export type CreateTeamInput = z.input<typeof createTeamSchema>;

/** ORG-6: creates an empty work team; its name is unique in the Organization. */
export async function createTeam(db: Db, actor: Actor, raw: CreateTeamInput) {
  const input = createTeamSchema.parse(raw);
  try {
    return await db.$transaction(async (tx) => {
      const me = await requireMember(tx, actor, input.orgId, "teams.manage");
      const team = await tx.team.create({ data: { orgId: me.orgId, name: input.name }, select: { id: true, name: true } });
      await audit(tx, actor, { action: "team.created", orgId: me.orgId, targetId: team.id, metadata: { name: team.name } });
      return team;
    });
  } catch (err) {
    throw nameTakenError(err);
  }
}
