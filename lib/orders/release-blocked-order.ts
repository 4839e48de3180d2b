import type { Actor } from "@/lib/access/actor";
import type { Tx } from "@/lib/db";
import { applyPaidOrder } from "./apply-paid-order";

/**
 * IDV-4: the identity check of a blocked order was approved — the order proceeds as paid and its renewals apply (its payment was
 * taken when it was blocked). Called in the decision's transaction; an order no longer blocked (cancelled
 * meanwhile) is left as it is.
 */
export async function releaseBlockedOrder(tx: Tx, actor: Actor, verification: { id: string; reason: string; orderId: string | null }, at: Date): Promise<boolean> {
  if (verification.reason !== "BLOCKED_ORDER" || !verification.orderId) return false;
  return applyPaidOrder(tx, verification.orderId, at, "BLOCKED", actor, { caseId: verification.id });
}
