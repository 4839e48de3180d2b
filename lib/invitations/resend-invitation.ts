import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { consumeOrThrow } from "@/lib/security/rate-limit";
import { inviterDetails, newInvitationSecret, sendInvitationMail } from "./invitation-mail";
import { manageableInvitation } from "./pending-invitation";

export const invitationActionSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  invitationId: z.string().min(1, "validation.required"),
});
export type InvitationActionInput = z.input<typeof invitationActionSchema>;

/**
 * ORG-2: a new link, valid seven days from now, replaces the old one (which stops working) and is mailed
 * again — at most 3 times an hour per invitation and 10 times a day per address (SEC-9).
 */
export async function resendInvitation(db: Db, actor: Actor, raw: InvitationActionInput) {
  const input = invitationActionSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const { me, invitation } = await manageableInvitation(tx, actor, input.orgId, input.invitationId);
    // Counted only for those allowed to resend, so nobody else can use up the allowance.
    await consumeOrThrow("invitationResendPerInvitation", invitation.id);
    await consumeOrThrow("invitationMailPerAddress", invitation.email.toLowerCase());
    const link = newInvitationSecret();
    await tx.invitation.update({ where: { id: invitation.id }, data: { tokenHash: link.tokenHash, expiresAt: link.expiresAt } });
    await audit(tx, actor, {
      action: "invitation.resent",
      orgId: me.orgId,
      targetId: invitation.id,
      metadata: { email: invitation.email },
    });
    return { email: invitation.email, secret: link.secret, inviter: await inviterDetails(tx, me.userId, me.orgId) };
  });
  await sendInvitationMail(db, { to: result.email, secret: result.secret, ...result.inviter });
  return { email: result.email };
}
