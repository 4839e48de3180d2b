import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { issueInvoice } from "@/lib/invoices/issue-invoice";

export const switchOrderToInvoiceSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  orderId: z.string().min(1, "validation.required").max(64, "validation.invalid"),
});
export type SwitchOrderToInvoiceInput = z.input<typeof switchOrderToInvoiceSchema>;

export type SwitchedOrder = { invoiceId: string; invoiceNumber: string; replaced: string | null };

/**
 * BIL-4 / BIL-5: "pay by card instead" — a pending order chosen to be paid by IBAN transfer gets a normal
 * invoice instead of its pro-forma, so it can be paid by card, wallet or the prepaid balance. The guides
 * let a pending order be paid by the method chosen when paying it ("Payer la commande", then the method),
 * and a pro-forma is only a request for a transfer, so nothing stops the change while no money arrived for it.
 * In one transaction: the pro-forma is cancelled (a transfer naming it is then refused when booked), an
 * invoice with the same lines is issued, the order keeps its number and takes the invoice's total.
 * Asking again (a double click, a retry) finds that invoice and issues none. A pro-forma a transfer already
 * partly paid stays: the rest is paid by transfer, as booked (record-transfer.ts).
 */
export async function switchOrderToInvoice(db: Db, actor: Actor, raw: SwitchOrderToInvoiceInput): Promise<SwitchedOrder> {
  const input = switchOrderToInvoiceSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.pay");
    const order = await tx.order.findFirst({ where: { id: input.orderId, orgId: me.orgId }, select: { id: true, number: true, status: true } });
    if (!order) throw new AppError("NOT_FOUND");
    // The order's invoices are locked as a booked transfer locks its invoice (then its order), so a transfer
    // and a switch, or two switches, queue; the second then reads what the first wrote.
    await tx.$queryRaw`SELECT id FROM "Invoice" WHERE "orderId" = ${order.id} ORDER BY id FOR UPDATE`;
    const invoices = await tx.invoice.findMany({
      where: { orderId: order.id },
      orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
      select: { id: true, number: true, kind: true, status: true, lines: { orderBy: { id: "asc" }, select: { description: true, unitPriceMinor: true, quantity: true, periodMonths: true, productId: true } } },
    });
    const open = invoices.find((i) => i.kind === "INVOICE" && i.status === "UNPAID");
    if (order.status === "PENDING" && open) return { invoiceId: open.id, invoiceNumber: open.number, replaced: null };
    const proforma = invoices.find((i) => i.kind === "PROFORMA" && i.status === "UNPAID");
    if (order.status !== "PENDING" || !proforma) throw new AppError("CONFLICT", "orders.errors.notPayable");
    if (await tx.payment.count({ where: { invoiceId: proforma.id, status: { in: ["SUCCEEDED", "PENDING"] } } })) throw new AppError("CONFLICT", "orders.errors.transferUnderway");
    await tx.invoice.update({ where: { id: proforma.id }, data: { status: "CANCELLED" } });
    const invoice = await issueInvoice(tx, { orgId: me.orgId, orderId: order.id, lines: proforma.lines });
    await tx.order.update({ where: { id: order.id }, data: { totalMinor: invoice.totalMinor } });
    await audit(tx, me.actor, { action: "order.switchedToInvoice", orgId: me.orgId, targetId: order.id, metadata: { order: order.number, proforma: proforma.number, invoice: invoice.number } });
    return { invoiceId: invoice.id, invoiceNumber: invoice.number, replaced: proforma.number };
  });
}
