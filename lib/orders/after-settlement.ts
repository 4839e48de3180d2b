import { systemJob } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { liftSuspension } from "@/lib/dunning/lift-suspension";
import { creditCashback } from "@/lib/partners/credit-cashback";
import { applyPaidOrder } from "./apply-paid-order";

const SETTLEMENT = systemJob("payment-notification");

/** The payment as the settlement path knows it once it has succeeded. */
export type SettledPayment = { id: string; orgId: string; invoiceId: string | null; orderId: string | null; held?: boolean };

/**
 * Called in the settlement transaction once a payment has succeeded and its invoice is paid (the operator's
 * notification, a booked transfer, the prepaid balance):
 * - BIL-4 / BIL-2: the order it pays is paid and its renewals applied — unless the operator held the payment as suspicious (IDV-4): the order
 *   is then BLOCKED until an identity check (the procedure is mailed by the blocked-orders job);
 * - BIL-1: the products a suspended invoice covers are back at once;
 * - PRT-5: a client's paid invoice earns its partner's cashback, once.
 */
export async function afterPaymentSettled(tx: Tx, payment: SettledPayment, at: Date): Promise<void> {
  const invoice = payment.invoiceId ? await tx.invoice.findUnique({ where: { id: payment.invoiceId }, select: { id: true, status: true, orderId: true } }) : null;
  const orderId = payment.orderId ?? invoice?.orderId ?? null;
  if (orderId && (!invoice || invoice.status === "PAID")) {
    if (payment.held) {
      const { count } = await tx.order.updateMany({ where: { id: orderId, status: "PENDING" }, data: { status: "BLOCKED", blockedAt: at } });
      if (count === 1) await audit(tx, SETTLEMENT, { action: "order.blocked", orgId: payment.orgId, targetId: orderId, metadata: { paymentId: payment.id } });
    } else {
      await applyPaidOrder(tx, orderId, at, "PENDING", SETTLEMENT, { paymentId: payment.id });
    }
  }
  if (invoice?.status === "PAID") {
    await liftSuspension(tx, invoice.id, at);
    await creditCashback(tx, invoice.id, at);
  }
}
