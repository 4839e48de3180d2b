import { systemJob } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { paymentOperator } from "./operator";

const JOB = systemJob("payment-refunds");
const BATCH = 100;

/** The operator's idempotency key of a payment's refund: one per payment, whatever the retries. */
export const refundKey = (paymentId: string) => `refund:${paymentId}`;

/**
 * BIL-5, run every minute: gives back the payments recorded as REFUND_DUE (a success for an invoice another
 * payment had already paid, receive-notification.ts). The operator is asked outside any transaction, with one
 * idempotency key per payment, so a crash after its answer or a second run refunds nothing more; the payment
 * becomes REFUNDED only after the operator accepted, by a conditional update, so two runs record it once.
 * An operator failure leaves the payment REFUND_DUE (shown as "refund due" to the customer), logged and
 * recorded once in the Organization's activity log, and the next run tries again.
 */
export async function refundDuePayments(db: Db): Promise<{ refunded: number; failed: number }> {
  const due = await db.payment.findMany({
    where: { status: "REFUND_DUE" },
    select: { id: true, orgId: true, providerRef: true, amountMinor: true, currency: true, failureCode: true },
    orderBy: [{ settledAt: "asc" }, { id: "asc" }],
    take: BATCH,
  });
  const operator = paymentOperator();
  let refunded = 0;
  let failed = 0;
  for (const p of due) {
    let refundRef: string;
    try {
      if (!p.providerRef) throw new Error("no operator reference to refund");
      ({ refundRef } = await operator.refund({ operatorRef: p.providerRef, amountMinor: p.amountMinor, currency: p.currency, idempotencyKey: refundKey(p.id) }));
    } catch (err) {
      failed++;
      console.error(`payment-refunds: the operator refused the refund of payment ${p.id}; tried again at the next run`, err);
      await db.$transaction(async (tx) => {
        const told = await tx.auditLog.count({ where: { orgId: p.orgId, action: "payment.refundFailed", targetId: p.id } });
        if (told === 0) await audit(tx, JOB, { action: "payment.refundFailed", orgId: p.orgId, targetId: p.id, metadata: { amountMinor: p.amountMinor, currency: p.currency } });
      });
      continue;
    }
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.payment.updateMany({ where: { id: p.id, status: "REFUND_DUE" }, data: { status: "REFUNDED" } });
      if (count !== 1) return false;
      await audit(tx, JOB, { action: "payment.refunded", orgId: p.orgId, targetId: p.id, metadata: { amountMinor: p.amountMinor, currency: p.currency, reason: p.failureCode ?? "", refundRef } });
      return true;
    });
    if (done) refunded++;
  }
  return { refunded, failed };
}
