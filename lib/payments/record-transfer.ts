import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Currency } from "@/lib/generated/prisma/enums";
import { afterPaymentSettled } from "@/lib/orders/after-settlement";
import { lockPrepaid } from "@/lib/prepaid/prepaid-balance";

export const recordTransferSchema = z.object({
  invoiceNumber: z.string().trim().min(1, "validation.required").max(40, "validation.tooLong"),
  /** What reached the account, in the invoice's currency (major units, e.g. 12.90). */
  amount: z.string().trim().regex(/^\d{1,7}([.,]\d{1,2})?$/, "billing.transferAmountInvalid"),
  /** The bank's reference of the credit: recording the same credit twice is refused. */
  bankReference: z.string().trim().min(1, "validation.required").max(64, "validation.tooLong"),
});
export type RecordTransferInput = z.input<typeof recordTransferSchema>;

export function toMinor(amount: string): number {
  const [units, cents = ""] = amount.replace(",", ".").split(".");
  return Number(units) * 100 + Number(cents.padEnd(2, "0"));
}

/**
 * BIL-5 (back office): an incoming IBAN transfer is booked against the invoice it names. The credit is a
 * payment of the amount received — bank fees are the customer's, so a short transfer leaves the rest due —
 * and the invoice is paid once its payments cover the total. The bank's reference is the idempotency key.
 * BIL-6: a transfer booked against the pro-forma of a prepaid top-up credits the prepaid ledger with what
 * arrived (bank fees are the customer's) and marks the pro-forma paid.
 */
export async function recordTransfer(db: Db, actor: Actor, raw: RecordTransferInput) {
  const staff = requireStaff(actor, "transfers.record");
  const input = recordTransferSchema.parse(raw);
  const amountMinor = toMinor(input.amount);
  if (amountMinor <= 0) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { amount: ["billing.transferAmountInvalid"] });
  return db.$transaction(async (tx) => {
    const invoice = await tx.invoice.findUnique({ where: { number: input.invoiceNumber }, select: { id: true, orgId: true, number: true, status: true, currency: true, totalMinor: true, prepaidTopUpKey: true } });
    if (!invoice) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { invoiceNumber: ["billing.transferUnknownInvoice"] });
    await tx.$queryRaw`SELECT id FROM "Invoice" WHERE id = ${invoice.id} FOR UPDATE`;
    const current = await tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, select: { status: true } });
    if (current.status !== "UNPAID") throw new AppError("CONFLICT", "errors.invoiceNotPayable");
    const key = `transfer:${input.bankReference}`;
    if (await tx.payment.findUnique({ where: { idempotencyKey: key }, select: { id: true } })) throw new AppError("CONFLICT", "errors.transferAlreadyRecorded");
    const at = now();
    if (invoice.prepaidTopUpKey) return bookTopUp(tx, staff, invoice, { amountMinor, key, bankReference: input.bankReference, at });
    const payment = await tx.payment.create({
      data: { orgId: invoice.orgId, invoiceId: invoice.id, methodType: "IBAN", amountMinor, currency: invoice.currency, status: "SUCCEEDED", idempotencyKey: key, providerRef: input.bankReference, settledAt: at },
    });
    const paid = await tx.payment.aggregate({ where: { invoiceId: invoice.id, status: "SUCCEEDED" }, _sum: { amountMinor: true } });
    const paidMinor = paid._sum.amountMinor ?? 0;
    const invoicePaid = paidMinor >= invoice.totalMinor;
    if (invoicePaid) await tx.invoice.update({ where: { id: invoice.id }, data: { status: "PAID", paidAt: at } });
    await afterPaymentSettled(tx, payment, at);
    await audit(tx, staff, { action: "payment.transferRecorded", orgId: invoice.orgId, targetId: payment.id, metadata: { invoice: invoice.number, amountMinor, currency: invoice.currency } });
    return { invoiceNumber: invoice.number, currency: invoice.currency, paidMinor, remainingMinor: Math.max(0, invoice.totalMinor - paidMinor), invoicePaid, prepaidCreditedMinor: 0 };
  });
}

/** BIL-6: the transfer for a top-up pro-forma is credited to the prepaid ledger as received, once; the pro-forma is paid. */
async function bookTopUp(
  tx: Tx,
  staff: Actor,
  invoice: { id: string; orgId: string; number: string; currency: Currency; totalMinor: number },
  t: { amountMinor: number; key: string; bankReference: string; at: Date },
) {
  await lockPrepaid(tx, invoice.orgId);
  const payment = await tx.payment.create({
    data: { orgId: invoice.orgId, invoiceId: invoice.id, methodType: "IBAN", amountMinor: t.amountMinor, currency: invoice.currency, status: "SUCCEEDED", idempotencyKey: t.key, providerRef: t.bankReference, settledAt: t.at },
  });
  await tx.prepaidEntry.create({ data: { orgId: invoice.orgId, kind: "TOPUP", amountMinor: t.amountMinor, currency: invoice.currency, paymentId: payment.id, createdAt: t.at } });
  await tx.invoice.update({ where: { id: invoice.id }, data: { status: "PAID", paidAt: t.at } });
  await audit(tx, staff, { action: "payment.transferRecorded", orgId: invoice.orgId, targetId: payment.id, metadata: { invoice: invoice.number, amountMinor: t.amountMinor, currency: invoice.currency, prepaidTopUp: true } });
  return { invoiceNumber: invoice.number, currency: invoice.currency, paidMinor: t.amountMinor, remainingMinor: 0, invoicePaid: true, prepaidCreditedMinor: t.amountMinor };
}
