import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertAnotherLegalRepresentative, lockOrganizationMembers, MEMBER_TX_OPTIONS } from "./legal-representatives";
import { assertMayGrant, assertMayManage, ROLES } from "./rules";

export const changeRoleSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  membershipId: z.string().min(1, "validation.required"),
  role: z.enum(ROLES, { message: "validation.invalid" }),
});
export type ChangeRoleInput = z.input<typeof changeRoleSchema>;

/**
 * ORG-5: changes a member's role (your own included) when your rights allow: you need "users.update",
 * may not grant a role above your own nor touch someone who outranks you, and only a legal
 * representative makes or unmakes one. ORG-3: demoting the last legal representative is refused.
 */
export async function changeRole(db: Db, actor: Actor, raw: ChangeRoleInput) {
  const input = changeRoleSchema.parse(raw);
  return db.$transaction(async (tx) => {
    await lockOrganizationMembers(tx, input.orgId);
    const me = await requireMember(tx, actor, input.orgId, "users.update");
    const target = await tx.membership.findFirst({
      where: { id: input.membershipId, orgId: me.orgId },
      select: { id: true, role: true, userId: true },
    });
    if (!target) throw new AppError("NOT_FOUND");
    assertMayManage(me.role, target.role);
    assertMayGrant(me.role, input.role);
    if (target.role === input.role) return { membershipId: target.id, role: target.role, changed: false };
    if (target.role === "LEGAL_REPRESENTATIVE") await assertAnotherLegalRepresentative(tx, me.orgId, [target.id]);
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    await audit(tx, actor, {
      action: "membership.roleChanged",
      orgId: me.orgId,
      targetId: target.id,
      metadata: { userId: target.userId, from: target.role, to: input.role },
    });
    return { membershipId: target.id, role: input.role, changed: true };
  }, MEMBER_TX_OPTIONS);
}
