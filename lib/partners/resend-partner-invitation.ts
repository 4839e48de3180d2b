import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { consumeOrThrow } from "@/lib/security/rate-limit";
import { lockClientPartnership, partnershipActionSchema, type PartnershipActionInput } from "./client-partnership";
import { newPartnerInvitationSecret, partnerRecipients, sendPartnerInvitationMails } from "./partnership-mail";

/**
 * PRT-4: before the partner answers, the client sends the invitation again: a new link, valid 14 days
 * from now, replaces the old one (which stops working) — at most 3 times an hour (SEC-9).
 */
export async function resendPartnerInvitation(db: Db, actor: Actor, raw: PartnershipActionInput) {
  const input = partnershipActionSchema.parse(raw);
  const result = await db.$transaction(async (tx) => {
    const { me, partnership } = await lockClientPartnership(tx, actor, input.orgId, input.partnershipId);
    if (partnership.status !== "PENDING") throw new AppError("CONFLICT", "partnerships.errors.notPending");
    await consumeOrThrow("partnerInvitationResend", partnership.id);
    const link = newPartnerInvitationSecret();
    await tx.partnership.update({ where: { id: partnership.id }, data: { tokenHash: link.tokenHash, expiresAt: link.expiresAt } });
    await audit(tx, actor, { action: "partnership.invitationResent", orgId: me.orgId, targetId: partnership.id, metadata: { partnerId: partnership.partnerId } });
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: me.userId }, select: { firstName: true, lastName: true, locale: true } });
    return {
      secret: link.secret,
      to: await partnerRecipients(tx, partnership.partnerId, inviter.locale),
      inviterName: `${inviter.firstName} ${inviter.lastName}`.trim(),
      clientName: partnership.client.name,
      access: partnership.access,
      partnerName: partnership.partner.displayName,
    };
  });
  await sendPartnerInvitationMails(db, result);
  return { partnerName: result.partnerName };
}
