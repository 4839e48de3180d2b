import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { rolesWith } from "@/lib/access/permissions";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { assertAnotherLegalRepresentative, lockOrganizationMembers, MEMBER_TX_OPTIONS } from "./legal-representatives";

export const leaveOrganizationSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
});
export type LeaveOrganizationInput = z.input<typeof leaveOrganizationSchema>;

/** ORG-4: any member leaves an Organization on their own; ORG-3: not its last legal representative. */
export async function leaveOrganization(db: Db, actor: Actor, raw: LeaveOrganizationInput) {
  const input = leaveOrganizationSchema.parse(raw);
  return db.$transaction(async (tx) => {
    await lockOrganizationMembers(tx, input.orgId);
    // Every role may leave; through the API it is a write on users, so a read-only token may not (API-6).
    const me = await requireMember(tx, actor, input.orgId, "membership.leave");
    // ORG-3: whoever holds the Organization's details must not leave it without another who does.
    if (rolesWith("org.update").includes(me.role)) await assertAnotherLegalRepresentative(tx, me.orgId, [me.membershipId]);
    await tx.membership.delete({ where: { id: me.membershipId } });
    await tx.user.updateMany({ where: { id: me.userId, lastOrgId: me.orgId }, data: { lastOrgId: null } });
    await audit(tx, actor, {
      action: "membership.left",
      orgId: me.orgId,
      targetId: me.membershipId,
      metadata: { userId: me.userId, role: me.role },
    });
    return { left: true };
  }, MEMBER_TX_OPTIONS);
}
