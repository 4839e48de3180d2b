import { z } from "zod";
import { systemJob } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { afterPaymentSettled } from "@/lib/orders/after-settlement";
import { Currency, PaymentMethodType } from "@/lib/generated/prisma/enums";
import { enableAutoRenewAfterPayment } from "@/lib/renewals/enable-after-payment";
import { verifySignature } from "./notification-signature";
import { PAYMENT_FAILURES, type PaymentNotification, type SavedMethod } from "./types";

const notificationSchema = z.object({
  id: z.string().min(1).max(200),
  reference: z.string().min(1).max(64),
  operatorRef: z.string().min(1).max(200),
  status: z.enum(["SUCCEEDED", "FAILED"]),
  amountMinor: z.number().int().min(0),
  currency: z.enum(Currency),
  methodType: z.enum(PaymentMethodType),
  failure: z.enum(PAYMENT_FAILURES).optional(),
  saved: z
    .object({
      type: z.enum(PaymentMethodType),
      token: z.string().min(1).max(200),
      last4: z.string().regex(/^\d{4}$/).optional(),
      expMonth: z.number().int().min(1).max(12).optional(),
      expYear: z.number().int().min(2000).max(2100).optional(),
    })
    .optional(),
  held: z.boolean().optional(),
}) satisfies z.ZodType<PaymentNotification>;

const OPERATOR = systemJob("payment-notification");

export type NotificationOutcome = { paymentId: string; applied: boolean; status: string };

/**
 * A payment result from the operator (the webhook route, or the sandbox delivering in-process). The
 * signature is checked before anything is read; then, under a lock on the payment row, a payment still
 * pending is settled once: a replayed or repeated notification finds it settled and changes nothing.
 * A success for an invoice another payment already settled is never paid twice: it is recorded as a refund
 * due, which the payment-refunds job gives back through the operator.
 */
export async function receivePaymentNotification(db: Db, body: string, signature: string | null): Promise<NotificationOutcome> {
  if (!verifySignature(body, signature, config.paymentWebhookSecret)) throw new AppError("UNAUTHENTICATED", "errors.paymentBadSignature");
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new AppError("INVALID_INPUT");
  }
  const n = notificationSchema.parse(json);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${n.reference} FOR UPDATE`;
    const payment = await tx.payment.findUnique({ where: { id: n.reference } });
    if (!payment || (payment.providerRef && payment.providerRef !== n.operatorRef)) throw new AppError("NOT_FOUND");
    if (payment.status !== "PENDING") return { paymentId: payment.id, applied: false, status: payment.status };
    const at = now();
    const mismatch = n.amountMinor !== payment.amountMinor || n.currency !== payment.currency;
    if (n.status === "FAILED" || mismatch) {
      const failureCode = mismatch ? "AMOUNT_MISMATCH" : (n.failure ?? "DECLINED");
      await tx.payment.update({ where: { id: payment.id }, data: { status: "FAILED", failureCode, methodType: n.methodType, providerRef: n.operatorRef, settledAt: at } });
      await audit(tx, OPERATOR, { action: "payment.failed", orgId: payment.orgId, targetId: payment.id, metadata: { failure: failureCode } });
      return { paymentId: payment.id, applied: true, status: "FAILED" };
    }
    if (payment.invoiceId && !(await settleInvoice(tx, payment.invoiceId, at))) {
      // Paid meanwhile through another attempt: this money goes back to the customer. The operator is not
      // called under these row locks: the payment-refunds job refunds it (lib/payments/refund-due-payments.ts)
      // and marks it REFUNDED once the operator has accepted.
      await tx.payment.update({ where: { id: payment.id }, data: { status: "REFUND_DUE", failureCode: "ALREADY_PAID", methodType: n.methodType, providerRef: n.operatorRef, settledAt: at } });
      return { paymentId: payment.id, applied: true, status: "REFUND_DUE" };
    }
    // BIL-5: a checkout opened before the prepaid balance paid part of the invoice took more than remained due.
    if (payment.invoiceId) await creditExcessToPrepaid(tx, { ...payment, invoiceId: payment.invoiceId }, at);
    // A payment for no invoice and no order is a prepaid top-up (BIL-6): the ledger is credited.
    if (!payment.invoiceId && !payment.orderId) {
      await tx.prepaidEntry.create({ data: { orgId: payment.orgId, kind: "TOPUP", amountMinor: payment.amountMinor, currency: payment.currency, paymentId: payment.id, createdAt: at } });
    }
    const methodId = n.saved ? await saveMethod(tx, payment.orgId, n.saved) : null;
    await tx.payment.update({ where: { id: payment.id }, data: { status: "SUCCEEDED", methodType: n.methodType, methodId, providerRef: n.operatorRef, settledAt: at } });
    await afterPaymentSettled(tx, { ...payment, held: n.held }, at);
    await enableAutoRenewAfterPayment(tx, payment, n.methodType, methodId);
    await audit(tx, OPERATOR, { action: "payment.succeeded", orgId: payment.orgId, targetId: payment.id, metadata: { amountMinor: payment.amountMinor, currency: payment.currency } });
    return { paymentId: payment.id, applied: true, status: "SUCCEEDED" };
  });
}

/** Marks the invoice paid if it is still unpaid (row-locked); false when it no longer is (paid meanwhile). */
async function settleInvoice(tx: Tx, invoiceId: string, at: Date): Promise<boolean> {
  await tx.$queryRaw`SELECT id FROM "Invoice" WHERE id = ${invoiceId} FOR UPDATE`;
  const { count } = await tx.invoice.updateMany({ where: { id: invoiceId, status: "UNPAID" }, data: { status: "PAID", paidAt: at } });
  return count === 1;
}

/**
 * What a payment took beyond what its invoice still needed (a checkout opened for the whole invoice before the
 * prepaid balance paid part of it) goes back to the prepaid account as a refund. Runs under the invoice's lock.
 */
async function creditExcessToPrepaid(tx: Tx, payment: { id: string; orgId: string; invoiceId: string; amountMinor: number; currency: Currency }, at: Date): Promise<void> {
  const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: payment.invoiceId }, select: { totalMinor: true } });
  const others = await tx.payment.aggregate({ where: { invoiceId: payment.invoiceId, status: "SUCCEEDED", id: { not: payment.id } }, _sum: { amountMinor: true } });
  const excess = Math.min(payment.amountMinor, (others._sum.amountMinor ?? 0) + payment.amountMinor - invoice.totalMinor);
  if (excess > 0) await tx.prepaidEntry.create({ data: { orgId: payment.orgId, kind: "REFUND", amountMinor: excess, currency: payment.currency, paymentId: payment.id, createdAt: at } });
}

const BRAND_LABEL: Partial<Record<PaymentMethodType, string>> = { VISA: "Visa", MASTERCARD: "MasterCard", CB: "CB", POSTFINANCE: "PostFinance Card", TWINT: "Twint" };

/** The reusable method the operator saved: the same card (brand, last 4, expiry) is kept once. */
async function saveMethod(tx: Tx, orgId: string, saved: SavedMethod): Promise<string> {
  const same = await tx.paymentMethod.findFirst({
    where: { orgId, type: saved.type, last4: saved.last4 ?? null, expMonth: saved.expMonth ?? null, expYear: saved.expYear ?? null, removedAt: null },
    select: { id: true },
  });
  if (same) return same.id;
  const hasDefault = await tx.paymentMethod.count({ where: { orgId, isDefault: true, removedAt: null } });
  const label = `${BRAND_LABEL[saved.type] ?? saved.type}${saved.last4 ? ` •••• ${saved.last4}` : ""}`;
  const method = await tx.paymentMethod.create({
    data: { orgId, type: saved.type, label, last4: saved.last4, expMonth: saved.expMonth, expYear: saved.expYear, providerToken: saved.token, isDefault: hasDefault === 0 },
  });
  return method.id;
}
