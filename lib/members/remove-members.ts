import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertAnotherLegalRepresentative, lockOrganizationMembers, MEMBER_TX_OPTIONS } from "./legal-representatives";
import { assertMayManage } from "./rules";

const id = z.string().min(1, "validation.required");

export const removeMembersSchema = z.object({
  orgId: id,
  // One id from a form arrives as a string, several as an array.
  membershipIds: z.preprocess(
    (v) => (typeof v === "string" ? [v] : v),
    z.array(id).min(1, "validation.required").max(200, "validation.tooLong"),
  ),
});
export type RemoveMembersInput = z.input<typeof removeMembersSchema>;

/**
 * ORG-4: removes one or several members at once, all or nothing. Needs "users.remove"; nobody removes
 * someone who outranks them; ORG-3: the Organization keeps at least one legal representative.
 */
export async function removeMembers(db: Db, actor: Actor, raw: RemoveMembersInput) {
  const input = removeMembersSchema.parse(raw);
  const ids = [...new Set(input.membershipIds)];
  return db.$transaction(async (tx) => {
    await lockOrganizationMembers(tx, input.orgId);
    const me = await requireMember(tx, actor, input.orgId, "users.remove");
    const targets = await tx.membership.findMany({
      where: { id: { in: ids }, orgId: me.orgId },
      select: { id: true, role: true, userId: true },
    });
    // Another tenant's id and an unknown one answer alike.
    if (targets.length !== ids.length) throw new AppError("NOT_FOUND");
    for (const target of targets) assertMayManage(me.role, target.role);
    if (targets.some((t) => t.role === "LEGAL_REPRESENTATIVE")) await assertAnotherLegalRepresentative(tx, me.orgId, ids);
    await tx.membership.deleteMany({ where: { id: { in: ids }, orgId: me.orgId } });
    // Whoever was removed no longer lands in this Organization after signing in (ACC-6).
    await tx.user.updateMany({ where: { id: { in: targets.map((t) => t.userId) }, lastOrgId: me.orgId }, data: { lastOrgId: null } });
    for (const target of targets) {
      await audit(tx, actor, {
        action: "membership.removed",
        orgId: me.orgId,
        targetId: target.id,
        metadata: { userId: target.userId, role: target.role },
      });
    }
    return { removed: targets.length };
  }, MEMBER_TX_OPTIONS);
}
