import type { Actor } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";

/**
 * IDV-4: the identity check of a blocked order was approved — the order proceeds as paid (its payment was
 * taken when it was blocked). Called in the decision's transaction; an order no longer blocked (cancelled
 * meanwhile) is left as it is.
 */
export async function releaseBlockedOrder(tx: Tx, actor: Actor, verification: { id: string; reason: string; orderId: string | null }, at: Date): Promise<boolean> {
  if (verification.reason !== "BLOCKED_ORDER" || !verification.orderId) return false;
  const order = await tx.order.findUnique({ where: { id: verification.orderId }, select: { orgId: true } });
  const { count } = await tx.order.updateMany({ where: { id: verification.orderId, status: "BLOCKED" }, data: { status: "PAID", paidAt: at } });
  if (count === 1) await audit(tx, actor, { action: "order.released", orgId: order?.orgId, targetId: verification.orderId, metadata: { caseId: verification.id } });
  return count === 1;
}
