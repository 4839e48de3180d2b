import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { amountDue } from "@/lib/payments/amount-due";
import { ledgerBalance, lockPrepaid } from "./prepaid-balance";
import { afterPaymentSettled } from "@/lib/orders/after-settlement";

export const payFromPrepaidSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  invoiceId: z.string().min(1, "validation.required").max(64, "validation.invalid"),
  idempotencyKey: z.string().uuid("validation.invalid"),
});
export type PayFromPrepaidInput = z.input<typeof payFromPrepaidSchema>;

/**
 * BIL-5 / BIL-6: pays what is still due on an invoice from the prepaid balance, as far as it goes. The
 * spend, its ledger entry and (when it covers the rest) the invoice's "paid" are one transaction under
 * the Organization's prepaid lock, so concurrent spends never take the balance below zero. What the
 * balance does not cover stays due, to be paid by another method. One spend per idempotency key.
 */
export async function payFromPrepaid(db: Db, actor: Actor, raw: PayFromPrepaidInput) {
  const input = payFromPrepaidSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.pay");
    await lockPrepaid(tx, me.orgId);
    // The invoice's lock too: a card or wallet notification settling it at the same time waits (receive-notification.ts).
    await tx.$queryRaw`SELECT id FROM "Invoice" WHERE id = ${input.invoiceId} AND "orgId" = ${me.orgId} FOR UPDATE`;
    const invoice = await tx.invoice.findFirst({ where: { id: input.invoiceId, orgId: me.orgId }, select: { id: true, number: true, status: true, kind: true, currency: true, totalMinor: true } });
    if (!invoice) throw new AppError("NOT_FOUND");
    const previous = await tx.payment.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { orgId: true, invoiceId: true, amountMinor: true } });
    if (previous) {
      if (previous.orgId !== me.orgId || previous.invoiceId !== invoice.id) throw new AppError("CONFLICT");
      return { spentMinor: previous.amountMinor, remainingMinor: await amountDue(tx, invoice), balanceMinor: await ledgerBalance(tx, me.orgId) };
    }
    if (invoice.status !== "UNPAID") throw new AppError("CONFLICT", "errors.invoiceNotPayable");
    // BIL-5, BIL-6: a pro-forma is paid by the transfer it names (record-transfer.ts); an order's pro-forma
    // may be replaced by an invoice first ("pay by card instead", lib/orders/switch-to-invoice.ts).
    if (invoice.kind !== "INVOICE") throw new AppError("CONFLICT", "errors.proformaNotFromPrepaid");
    const balance = await ledgerBalance(tx, me.orgId);
    const due = await amountDue(tx, invoice);
    const spend = Math.min(balance, due);
    if (spend <= 0) throw new AppError("CONFLICT", "errors.prepaidEmpty");
    const at = now();
    const payment = await tx.payment.create({
      data: { orgId: me.orgId, invoiceId: invoice.id, methodType: "PREPAID", amountMinor: spend, currency: invoice.currency, status: "SUCCEEDED", idempotencyKey: input.idempotencyKey, settledAt: at },
    });
    await tx.prepaidEntry.create({ data: { orgId: me.orgId, kind: "SPEND", amountMinor: -spend, currency: invoice.currency, paymentId: payment.id, invoiceId: invoice.id, createdAt: at } });
    if (spend === due) await tx.invoice.update({ where: { id: invoice.id }, data: { status: "PAID", paidAt: at } });
    await afterPaymentSettled(tx, payment, at);
    await audit(tx, me.actor, { action: "payment.succeeded", orgId: me.orgId, targetId: payment.id, metadata: { amountMinor: spend, currency: invoice.currency, method: "PREPAID" } });
    return { spentMinor: spend, remainingMinor: due - spend, balanceMinor: balance - spend };
    // Spends of one Organization queue on its lock; waiting for a connection a while is better than failing.
  }, { maxWait: 15_000, timeout: 20_000 });
}
