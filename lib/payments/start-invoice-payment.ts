import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { amountDue } from "./amount-due";
import { paymentOperator } from "./operator";
import { CHECKOUT_METHODS } from "./types";

export const startInvoicePaymentSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  invoiceId: z.string().min(1, "validation.required").max(64, "validation.invalid"),
  method: z.enum(CHECKOUT_METHODS, { message: "billing.chooseMethodError" }),
  /** Generated when the form is shown: a double click or a retried request carries the same key. */
  idempotencyKey: z.string().uuid("validation.invalid"),
});
export type StartInvoicePaymentInput = z.input<typeof startInvoicePaymentSchema>;

export type StartedPayment = { paymentId: string; redirectUrl: string };

/**
 * BIL-5: opens the operator's hosted page for an unpaid invoice. One payment per idempotency key: asking
 * again with the same key returns the same payment (and, while it is open, the same checkout) instead
 * of a second charge. PostFinance cards only for Organizations paying in CHF.
 */
export async function startInvoicePayment(db: Db, actor: Actor, raw: StartInvoicePaymentInput): Promise<StartedPayment> {
  const input = startInvoicePaymentSchema.parse(raw);
  const payment = await db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.pay");
    const invoice = await tx.invoice.findFirst({ where: { id: input.invoiceId, orgId: me.orgId }, select: { id: true, number: true, status: true, kind: true, currency: true, totalMinor: true } });
    if (!invoice) throw new AppError("NOT_FOUND");
    const existing = await tx.payment.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (existing) {
      if (existing.orgId !== me.orgId || existing.invoiceId !== invoice.id) throw new AppError("CONFLICT");
      return { ...existing, orgId: me.orgId, description: invoice.number };
    }
    if (invoice.status !== "UNPAID") throw new AppError("CONFLICT", "errors.invoiceNotPayable");
    // BIL-5, BIL-6: a pro-forma (an order chosen to be paid by IBAN, or a prepaid top-up by transfer) is paid
    // by the bank transfer it names and is booked by the back office (record-transfer.ts); paid here it would
    // leave the order paid without its invoice.
    if (invoice.kind !== "INVOICE") throw new AppError("CONFLICT", "errors.proformaByTransfer");
    if (input.method === "POSTFINANCE" && invoice.currency !== "CHF") throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { method: ["billing.postFinanceChfOnly"] });
    // Two requests with one key at once: the second insert is skipped and reads the first one's row.
    // What the prepaid balance or a transfer already paid is not charged again (BIL-5).
    const due = await amountDue(tx, invoice);
    await tx.payment.createMany({
      data: [{ orgId: me.orgId, invoiceId: invoice.id, methodType: input.method === "POSTFINANCE" ? "POSTFINANCE" : input.method, amountMinor: due, currency: invoice.currency, idempotencyKey: input.idempotencyKey }],
      skipDuplicates: true,
    });
    const created = await tx.payment.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
    if (created.orgId !== me.orgId || created.invoiceId !== invoice.id) throw new AppError("CONFLICT");
    return { ...created, orgId: me.orgId, description: invoice.number };
  });
  const statusUrl = `/${payment.orgId}/payments/${payment.id}`;
  if (payment.status !== "PENDING") return { paymentId: payment.id, redirectUrl: statusUrl };
  const operator = paymentOperator();
  if (payment.providerRef) return { paymentId: payment.id, redirectUrl: operator.checkoutUrl(payment.providerRef) };
  // The operator's checkout is idempotent on the payment id, so a retry after a failure here is safe.
  const checkout = await operator.createCheckout({
    reference: payment.id,
    idempotencyKey: payment.idempotencyKey,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    method: input.method,
    description: payment.description,
    returnUrl: statusUrl,
  });
  await db.payment.updateMany({ where: { id: payment.id, providerRef: null }, data: { providerRef: checkout.operatorRef } });
  return { paymentId: payment.id, redirectUrl: checkout.redirectUrl };
}
