import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { orderSummarySelect } from "./list-orders";

export const getOrderSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  orderId: z.string().min(1, "validation.required").max(64, "validation.invalid"),
});
export type GetOrderInput = z.input<typeof getOrderSchema>;

/**
 * BIL-4: one order with its lines, its total, its status and the invoice (or the pro-forma) it is paid through. Another
 * Organization's order answers NOT_FOUND, so its existence is never confirmed.
 */
export async function getOrder(db: Db, actor: Actor, raw: GetOrderInput) {
  const input = getOrderSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.read");
    const order = await tx.order.findFirst({
      where: { id: input.orderId, orgId: me.orgId },
      select: {
        ...orderSummarySelect,
        lines: { orderBy: { id: "asc" }, select: { id: true, productId: true, description: true, periodMonths: true, amountMinor: true } },
        // The order's invoice: the newest one that is not cancelled (a cancelled order keeps its cancelled one).
        invoices: { orderBy: [{ issuedAt: "desc" }, { id: "desc" }], select: { id: true, number: true, kind: true, status: true, totalMinor: true, dueAt: true } },
      },
    });
    if (!order) throw new AppError("NOT_FOUND");
    const { invoices, ...rest } = order;
    const invoice = invoices.find((i) => i.kind === "INVOICE" && i.status !== "CANCELLED") ?? invoices.find((i) => i.kind === "INVOICE") ?? null;
    // BIL-5: an order chosen to be paid by IBAN transfer is paid through its pro-forma until an invoice
    // replaces it ("pay by card instead", switch-to-invoice.ts); the replaced one is named so nobody pays it.
    const proforma = invoice && invoice.status !== "CANCELLED" ? null : (invoices.find((i) => i.kind === "PROFORMA" && i.status !== "CANCELLED") ?? null);
    const replacedProforma = invoice && invoice.status !== "CANCELLED" ? (invoices.find((i) => i.kind === "PROFORMA" && i.status === "CANCELLED") ?? null) : null;
    return { ...rest, invoice, proforma, replacedProforma };
  });
}

export type OrderDetails = Awaited<ReturnType<typeof getOrder>>;
