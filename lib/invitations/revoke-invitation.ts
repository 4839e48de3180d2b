import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { manageableInvitation } from "./pending-invitation";
import { invitationActionSchema, type InvitationActionInput } from "./resend-invitation";

export { invitationActionSchema as revokeInvitationSchema };

/** ORG-2: the link stops working at once; the invitation leaves the users list. */
export async function revokeInvitation(db: Db, actor: Actor, raw: InvitationActionInput) {
  const input = invitationActionSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const { me, invitation } = await manageableInvitation(tx, actor, input.orgId, input.invitationId);
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: now() } });
    await audit(tx, actor, {
      action: "invitation.revoked",
      orgId: me.orgId,
      targetId: invitation.id,
      metadata: { email: invitation.email },
    });
    return { email: invitation.email };
  });
}
