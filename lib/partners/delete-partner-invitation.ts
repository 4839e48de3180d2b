import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockClientPartnership, partnershipActionSchema, type PartnershipActionInput } from "./client-partnership";

/**
 * PRT-4: the client withdraws an invitation the partner has not answered; its link stops working at once.
 * Under the row lock: an acceptance that got there first makes this a CONFLICT (end the partnership
 * instead), one that comes after finds no invitation.
 */
export async function deletePartnerInvitation(db: Db, actor: Actor, raw: PartnershipActionInput) {
  const input = partnershipActionSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const { me, partnership } = await lockClientPartnership(tx, actor, input.orgId, input.partnershipId);
    if (partnership.status !== "PENDING") throw new AppError("CONFLICT", "partnerships.errors.notPending");
    await tx.partnership.delete({ where: { id: partnership.id } });
    await audit(tx, actor, { action: "partnership.invitationDeleted", orgId: me.orgId, targetId: partnership.id, metadata: { partnerId: partnership.partnerId } });
    return { partnerName: partnership.partner.displayName };
  });
}
