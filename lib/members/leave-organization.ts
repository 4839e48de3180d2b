import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess, scopesAllow } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
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
    // Every role may read the Organization, so every member may leave it.
    const me = await requireAccess(tx, actor, input.orgId, "org.read");
    // Through the API, leaving is a write on users: a read-only token may not do it (API-6).
    if (actor.kind === "token" && !scopesAllow(actor.scopes, "users.remove")) throw new AppError("FORBIDDEN");
    if (me.role === "LEGAL_REPRESENTATIVE") await assertAnotherLegalRepresentative(tx, me.orgId, [me.membershipId]);
    await tx.membership.delete({ where: { id: me.membershipId } });
    await tx.user.updateMany({ where: { id: me.userId, lastOrgId: me.orgId }, data: { lastOrgId: null } });
    await audit(tx, actor, {
      action: "membership.leave",
      orgId: me.orgId,
      targetType: "Membership",
      targetId: me.membershipId,
      metadata: { userId: me.userId, role: me.role },
    });
    return { left: true };
  }, MEMBER_TX_OPTIONS);
}
