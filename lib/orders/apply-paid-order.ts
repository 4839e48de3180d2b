import { systemJob } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";

const SETTLEMENT = systemJob("payment-notification");

/**
 * BIL-2 / BIL-3: once an order's invoice is paid (in the settling transaction), the order is PAID and
 * each renewed product's expiry moves forward by its line's period, from the current expiry. Only a
 * PENDING order is applied, under its row lock: a replayed notification or a second settlement renews
 * nothing more.
 */
export async function applyPaidOrder(tx: Tx, invoiceId: string, at: Date): Promise<void> {
  const invoice = await tx.invoice.findUnique({ where: { id: invoiceId }, select: { orderId: true, status: true } });
  if (!invoice?.orderId || invoice.status !== "PAID") return;
  const paid = await tx.$queryRaw<{ id: string; orgId: string }[]>`
    UPDATE "Order" SET "status" = 'PAID', "paidAt" = ${at}
    WHERE "id" = ${invoice.orderId} AND "status" = 'PENDING'
    RETURNING "id", "orgId"`;
  const order = paid[0];
  if (!order) return;
  // Calendar months, as PostgreSQL adds them (31 January + 1 month = 28 or 29 February).
  const renewed = await tx.$executeRaw`
    UPDATE "Product" AS p SET "expiresAt" = p."expiresAt" + make_interval(months => l."periodMonths")
    FROM "OrderLine" AS l
    WHERE l."orderId" = ${order.id} AND l."productId" = p."id" AND l."periodMonths" IS NOT NULL`;
  await audit(tx, SETTLEMENT, { action: "order.paid", orgId: order.orgId, targetId: order.id, metadata: { renewed } });
}
