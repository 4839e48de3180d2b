import type { Db } from "@/lib/db";
import { now } from "@/lib/clock";
import { hashSecret } from "@/lib/security/tokens";

export type InvitationView =
  { usable: false } | { usable: true; email: string; organizationName: string; inviterName: string; accountExists: boolean };

/** For the public invitation page: who invites to what, or only "unusable" (unknown, used, revoked, expired). */
export async function findInvitation(db: Db, token: string): Promise<InvitationView> {
  if (!token || token.length > 200) return { usable: false };
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      email: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organization: { select: { name: true } },
      invitedBy: { select: { firstName: true, lastName: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now()) return { usable: false };
  const account = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    usable: true,
    email: invitation.email,
    organizationName: invitation.organization.name,
    inviterName: `${invitation.invitedBy.firstName} ${invitation.invitedBy.lastName}`.trim(),
    accountExists: !!account,
  };
}
