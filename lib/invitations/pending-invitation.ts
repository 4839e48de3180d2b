import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertMayGrant } from "@/lib/members/rules";

/**
 * An invitation of this Organization that can still be resent or revoked, for someone allowed to
 * invite with its role (an administrator does not act on a legal representative's invitation).
 */
export async function manageableInvitation(tx: Tx, actor: Actor, orgId: string, invitationId: string) {
  const me = await requireMember(tx, actor, orgId, "users.invite");
  const invitation = await tx.invitation.findFirst({ where: { id: invitationId, orgId: me.orgId } });
  if (!invitation) throw new AppError("NOT_FOUND");
  assertMayGrant(me.role, invitation.role);
  if (invitation.acceptedAt || invitation.revokedAt) throw new AppError("CONFLICT", "invitations.errors.notPending");
  return { me, invitation };
}
