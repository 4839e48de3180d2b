import type { Order, OrderStatus } from "@/lib/generated/prisma/client";
import { now } from "../../lib/clock";
import { allocateOrderNumber } from "../../lib/orders/order-number";
import { createInvoice, type InvoiceOrg, type InvoiceWithLines } from "./invoices";
import type { DbOrTx } from "./unique";

export type OrderLineInput = { description: string; unitPriceMinor: number; periodMonths?: number; productId?: string };

export type OrderInput = {
  org: InvoiceOrg;
  placedById?: string | null;
  status?: OrderStatus;
  createdAt?: Date;
  blockedAt?: Date | null;
  lines?: OrderLineInput[];
};

/** An order with its lines and the invoice it is paid through (unpaid unless the order is paid). */
export async function createOrder(db: DbOrTx, input: OrderInput): Promise<Order & { invoice: InvoiceWithLines }> {
  const { org, lines = [{ description: "Domain example.ch", unitPriceMinor: 1500, periodMonths: 12 }], status = "PENDING" } = input;
  const createdAt = input.createdAt ?? now();
  const order = await db.order.create({
    data: {
      orgId: org.id,
      number: await allocateOrderNumber(db, createdAt),
      status,
      currency: org.currency,
      totalMinor: 0,
      placedById: input.placedById ?? null,
      createdAt,
      blockedAt: input.blockedAt ?? (status === "BLOCKED" ? createdAt : null),
      paidAt: status === "PAID" ? createdAt : null,
      lines: { create: lines.map((l) => ({ description: l.description, amountMinor: l.unitPriceMinor, periodMonths: l.periodMonths, productId: l.productId })) },
    },
  });
  const invoice = await createInvoice(db, {
    org,
    orderId: order.id,
    issuedAt: createdAt,
    status: status === "PAID" || status === "BLOCKED" ? "PAID" : status === "CANCELLED" ? "CANCELLED" : "UNPAID",
    lines: lines.map((l) => ({ description: l.description, unitPriceMinor: l.unitPriceMinor, periodMonths: l.periodMonths, productId: l.productId })),
  });
  const updated = await db.order.update({ where: { id: order.id }, data: { totalMinor: invoice.totalMinor } });
  return { ...updated, invoice };
}
