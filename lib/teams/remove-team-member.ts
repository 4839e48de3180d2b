import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findTeam, idField } from "./team-fields";

export const removeTeamMemberSchema = z.object({ orgId: idField, teamId: idField, membershipId: idField });
export type RemoveTeamMemberInput = z.input<typeof removeTeamMemberSchema>;

/** ORG-6: takes a member out of a team; they lose the products granted only through it. */
export async function removeTeamMember(db: Db, actor: Actor, raw: RemoveTeamMemberInput) {
  const input = removeTeamMemberSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "teams.manage");
    const team = await findTeam(tx, me.orgId, input.teamId);
    const link = await tx.teamMember.findFirst({
      where: { teamId: team.id, membershipId: input.membershipId },
      select: { membershipId: true, membership: { select: { userId: true } } },
    });
    if (!link) throw new AppError("NOT_FOUND");
    await tx.teamMember.delete({ where: { teamId_membershipId: { teamId: team.id, membershipId: link.membershipId } } });
    await audit(tx, actor, {
      action: "team.memberRemoved",
      orgId: me.orgId,
      targetId: team.id,
      metadata: { name: team.name, membershipId: link.membershipId, userId: link.membership.userId },
    });
    return { removed: 1 };
  });
}
