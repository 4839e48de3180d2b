import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findTeam, idField, idList } from "./team-fields";

export const addTeamMembersSchema = z.object({ orgId: idField, teamId: idField, membershipIds: idList });
export type AddTeamMembersInput = z.input<typeof addTeamMembersSchema>;

/** ORG-6: adds members of the same Organization to a team; members already in it are left as they are. */
export async function addTeamMembers(db: Db, actor: Actor, raw: AddTeamMembersInput) {
  const input = addTeamMembersSchema.parse(raw);
  const ids = [...new Set(input.membershipIds)];
  return db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "teams.manage");
    const team = await findTeam(tx, me.orgId, input.teamId);
    const members = await tx.membership.findMany({ where: { id: { in: ids }, orgId: me.orgId }, select: { id: true, userId: true } });
    // A membership of another Organization answers like an unknown one.
    if (members.length !== ids.length) throw new AppError("NOT_FOUND");
    const existing = await tx.teamMember.findMany({ where: { teamId: team.id, membershipId: { in: ids } }, select: { membershipId: true } });
    const fresh = members.filter((m) => !existing.some((e) => e.membershipId === m.id));
    await tx.teamMember.createMany({ data: fresh.map((m) => ({ teamId: team.id, membershipId: m.id })), skipDuplicates: true });
    for (const m of fresh) {
      await audit(tx, actor, { action: "team.memberAdded", orgId: me.orgId, targetId: team.id, metadata: { name: team.name, membershipId: m.id, userId: m.userId } });
    }
    return { added: fresh.length };
  });
}
