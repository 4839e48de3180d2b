import { systemJob } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { sendEmail } from "@/lib/notifications/send-email";
import { paymentOperator } from "@/lib/payments/operator";
import { refundKey } from "@/lib/payments/refund-due-payments";
import { BLOCKED_ORDER_LIFETIME_MS } from "./rules";
import { orderRecipient, sendUnblockProcedure } from "./send-unblock-procedure";

const JOB = systemJob("blocked-orders");
const BATCH = 100;

/**
 * IDV-4, run every minute: mails the unblock procedure of orders blocked since the last run (once: an
 * order that has a case was mailed), and cancels the orders blocked for 10 days with no identity check
 * waiting for staff, refunding their payments in full to the method used. Safe to run twice: the refund
 * carries one idempotency key per payment, and the cancellation is conditional on the order still being
 * blocked.
 */
export async function runBlockedOrders(db: Db): Promise<{ mailed: number; cancelled: number }> {
  let mailed = 0;
  const fresh = await db.order.findMany({ where: { status: "BLOCKED", verifications: { none: {} } }, select: { id: true }, orderBy: { blockedAt: "asc" }, take: BATCH });
  for (const o of fresh) if (await sendUnblockProcedure(db, JOB, o.id, { onlyFirst: true })) mailed++;

  let cancelled = 0;
  const cutoff = new Date(now().getTime() - BLOCKED_ORDER_LIFETIME_MS);
  const stale = await db.order.findMany({
    // A case submitted and waiting for staff is the customer's action: the order waits for the decision.
    where: { status: "BLOCKED", blockedAt: { lte: cutoff }, verifications: { none: { status: "SUBMITTED" } } },
    select: { id: true },
    orderBy: { blockedAt: "asc" },
    take: BATCH,
  });
  for (const o of stale) if (await cancelBlockedOrder(db, o.id)) cancelled++;
  // A run that stopped between a cancellation and its refunds: the next one finishes them.
  const unrefunded = await db.order.findMany({
    where: { status: "CANCELLED", blockedAt: { not: null }, OR: [{ payments: { some: { status: "SUCCEEDED" } } }, { invoices: { some: { payments: { some: { status: "SUCCEEDED" } } } } }] },
    select: { id: true },
    take: BATCH,
  });
  for (const o of unrefunded) await refundCancelledOrder(db, o.id);
  return { mailed, cancelled };
}

/**
 * Cancels the order and its invoice first, under the order's row lock and only if it is still blocked (an
 * approval racing with it finds it cancelled, and a cancellation finds it released), then refunds.
 */
async function cancelBlockedOrder(db: Db, orderId: string): Promise<boolean> {
  const at = now();
  const cancelled = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
    const order = await tx.order.findUnique({ where: { id: orderId }, select: { id: true, orgId: true, number: true, status: true, currency: true, placedById: true } });
    if (!order || order.status !== "BLOCKED") return null;
    await tx.order.update({ where: { id: order.id }, data: { status: "CANCELLED", cancelledAt: at } });
    await tx.invoice.updateMany({ where: { orderId: order.id, status: { not: "CANCELLED" } }, data: { status: "CANCELLED" } });
    await audit(tx, JOB, { action: "order.cancelled", orgId: order.orgId, targetId: order.id });
    return order;
  });
  if (!cancelled) return false;
  const refundedMinor = await refundCancelledOrder(db, orderId);
  const person = await orderRecipient(db, cancelled.orgId, cancelled.placedById);
  if (person) {
    await sendEmail(db, {
      to: person.email,
      template: "orderCancelled",
      params: { orderNumber: cancelled.number, amountMinor: refundedMinor, currency: cancelled.currency },
      locale: person.locale,
    });
  }
  return true;
}

/**
 * Refunds every payment of a cancelled order still marked paid: the operator first — asked twice with the
 * same key it refunds once, so a crash after it and a second run refund nothing more — then the payment is
 * marked refunded. What the prepaid account (or a transfer) paid goes back to the prepaid account.
 */
async function refundCancelledOrder(db: Db, orderId: string): Promise<number> {
  const payments = await db.payment.findMany({
    where: { status: "SUCCEEDED", OR: [{ orderId }, { invoice: { orderId } }] },
    select: { id: true, orgId: true, providerRef: true, methodType: true, amountMinor: true, currency: true },
  });
  const operator = paymentOperator();
  let refundedMinor = 0;
  for (const p of payments) {
    const viaOperator = !!p.providerRef && p.methodType !== "PREPAID" && p.methodType !== "IBAN";
    if (viaOperator) await operator.refund({ operatorRef: p.providerRef!, amountMinor: p.amountMinor, currency: p.currency, idempotencyKey: refundKey(p.id) });
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.payment.updateMany({ where: { id: p.id, status: "SUCCEEDED" }, data: { status: "REFUNDED", failureCode: "ORDER_CANCELLED" } });
      if (count !== 1) return false;
      if (!viaOperator) await tx.prepaidEntry.create({ data: { orgId: p.orgId, kind: "REFUND", amountMinor: p.amountMinor, currency: p.currency, paymentId: p.id, createdAt: now() } });
      await audit(tx, JOB, { action: "payment.refunded", orgId: p.orgId, targetId: p.id, metadata: { amountMinor: p.amountMinor, currency: p.currency, orderId } });
      return true;
    });
    if (done) refundedMinor += p.amountMinor;
  }
  return refundedMinor;
}
