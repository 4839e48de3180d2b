import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { startInvoicePayment, startInvoicePaymentSchema, type StartedPayment } from "@/lib/payments/start-invoice-payment";

export const startOrderPaymentSchema = startInvoicePaymentSchema.omit({ invoiceId: true }).extend({
  orderId: z.string().min(1, "validation.required").max(64, "validation.invalid"),
});
export type StartOrderPaymentInput = z.input<typeof startOrderPaymentSchema>;

/**
 * BIL-4: "Pay the order" — a pending order is paid through its invoice, on the operator's hosted page
 * (the same path as paying the invoice, with its idempotency key). Only a pending order can be paid.
 */
export async function startOrderPayment(db: Db, actor: Actor, raw: StartOrderPaymentInput): Promise<StartedPayment> {
  const { orderId, ...input } = startOrderPaymentSchema.parse(raw);
  const invoiceId = await db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.pay");
    const order = await tx.order.findFirst({ where: { id: orderId, orgId: me.orgId }, select: { status: true, invoices: { where: { kind: "INVOICE", status: "UNPAID" }, select: { id: true }, take: 1 } } });
    if (!order) throw new AppError("NOT_FOUND");
    const invoice = order.invoices[0];
    if (order.status !== "PENDING" || !invoice) throw new AppError("CONFLICT", "orders.errors.notPayable");
    return invoice.id;
  });
  return startInvoicePayment(db, actor, { ...input, invoiceId });
}
