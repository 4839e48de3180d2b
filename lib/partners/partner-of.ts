import type { Actor } from "@/lib/access/actor";
import type { Action } from "@/lib/access/permissions";
import { requireMember, type MemberAccess } from "@/lib/access/require-access";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The reseller area's entry: the partner profile `partnerId` and the actor's membership of its
 * Organization, holding `action` (role table). Another partner, or a partner the actor is not a member of,
 * is NOT_FOUND like any other tenant.
 */
export async function requirePartnerMember(tx: Tx, actor: Actor, partnerId: string, action: Action): Promise<{ partner: { id: string; orgId: string }; access: MemberAccess }> {
  const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { id: true, orgId: true, approvedAt: true } });
  if (!partner || !partner.approvedAt) throw new AppError("NOT_FOUND");
  const access = await requireMember(tx, actor, partner.orgId, action);
  return { partner: { id: partner.id, orgId: partner.orgId }, access };
}
