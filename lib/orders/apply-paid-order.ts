import { type Actor, systemJob } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";

const SETTLEMENT = systemJob("payment-notification");

/**
 * BIL-2 / BIL-3 / BIL-4: an order whose payment went through becomes PAID and each renewed product's expiry
 * moves forward by its line's period, from the current expiry. Only an order in the state `from` is applied
 * (PENDING once its invoice is paid; BLOCKED once its identity check is approved, IDV-4), in one conditional
 * update: a replayed notification or a second settlement renews nothing more. Answers whether it applied.
 */
export async function applyPaidOrder(tx: Tx, orderId: string, at: Date, from: "PENDING" | "BLOCKED" = "PENDING", actor: Actor = SETTLEMENT, metadata: Record<string, string> = {}): Promise<boolean> {
  const paid = await tx.$queryRaw<{ id: string; orgId: string }[]>`
    UPDATE "Order" SET "status" = 'PAID', "paidAt" = ${at}
    WHERE "id" = ${orderId} AND "status" = ${from}::"OrderStatus"
    RETURNING "id", "orgId"`;
  const order = paid[0];
  if (!order) return false;
  // Calendar months, as PostgreSQL adds them (31 January + 1 month = 28 or 29 February).
  const renewed = await tx.$executeRaw`
    UPDATE "Product" AS p SET "expiresAt" = p."expiresAt" + make_interval(months => l."periodMonths")
    FROM "OrderLine" AS l
    WHERE l."orderId" = ${order.id} AND l."productId" = p."id" AND l."periodMonths" IS NOT NULL`;
  await audit(tx, actor, { action: from === "BLOCKED" ? "order.released" : "order.paid", orgId: order.orgId, targetId: order.id, metadata: { ...metadata, renewed } });
  return true;
}
