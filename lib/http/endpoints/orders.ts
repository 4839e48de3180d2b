import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getOrder } from "@/lib/orders/get-order";
import { listOrders, type OrderSummary } from "@/lib/orders/list-orders";
import { getPayment } from "@/lib/payments/get-payment";
import { listPayments, type PaymentSummary } from "@/lib/payments/list-payments";
import { dateOut, endpoint, idParam, nullableDateOut, pageOf, pageField, perPageField } from "../endpoint";

const minor = z.number().int().describe("Integer minor units (cents) of `currency`.");
const MAX_PAGE_WALK = 50;

export const orderSummaryOutSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(["PENDING", "PAID", "BLOCKED", "CANCELLED"]).describe("BLOCKED: held for an identity check (IDV-4); cancelled and refunded after 10 days without action."),
  currency: z.enum(["CHF", "EUR"]),
  total_minor: minor,
  created_at: dateOut,
  paid_at: nullableDateOut,
  blocked_at: nullableDateOut,
  cancelled_at: nullableDateOut,
});

export const orderOutSchema = orderSummaryOutSchema.extend({
  invoice: z.object({ id: z.string(), number: z.string(), status: z.enum(["UNPAID", "PAID", "CANCELLED"]) }).nullable().describe("The invoice the order is paid through."),
  proforma: z
    .object({ id: z.string(), number: z.string(), status: z.enum(["UNPAID", "PAID", "CANCELLED"]) })
    .nullable()
    .describe("BIL-5: the pro-forma of an order chosen to be paid by IBAN transfer, while no invoice replaced it (its number is the transfer's reference)."),
  lines: z.array(z.object({ id: z.string(), product_id: z.string().nullable(), description: z.string(), period_months: z.number().int().nullable(), amount_minor: minor })),
});

function orderOut(o: OrderSummary): z.infer<typeof orderSummaryOutSchema> {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    currency: o.currency,
    total_minor: o.totalMinor,
    created_at: o.createdAt.toISOString(),
    paid_at: o.paidAt?.toISOString() ?? null,
    blocked_at: o.blockedAt?.toISOString() ?? null,
    cancelled_at: o.cancelledAt?.toISOString() ?? null,
  };
}

const listOrdersQuery = z.object({
  page: pageField,
  per_page: perPageField,
  cursor: z.string().max(200).optional().describe("Keyset cursor (`next_cursor` of the previous answer): constant cost at any depth; takes precedence over `page`."),
});

export const ordersList = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/orders",
  summary: "The Organization's orders: pending ones (still to pay) first, then the others, newest first (BIL-4).",
  description: `Paged by keyset. \`page\` walks the pages from the first internally (up to page ${MAX_PAGE_WALK}); for deep paging follow \`next_cursor\` with \`cursor\`.`,
  scope: "invoices:read",
  action: "billing.read",
  schema: listOrdersQuery,
  response: z.array(orderSummaryOutSchema),
  paged: true,
  handler: async ({ db, actor, orgId, input: q }) => {
    if (!q.cursor && q.page > MAX_PAGE_WALK) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { page: [`Use cursor beyond page ${MAX_PAGE_WALK}.`] });
    let cursor = q.cursor;
    for (let p = 1; !q.cursor && p < q.page; p++) {
      const skipped = await listOrders(db, actor, { orgId, perPage: q.per_page, cursor });
      if (!skipped.nextCursor) return pageOf([], q, skipped.total, { next_cursor: null });
      cursor = skipped.nextCursor;
    }
    const res = await listOrders(db, actor, { orgId, perPage: q.per_page, cursor });
    return pageOf(res.items.map(orderOut), q, res.total, { next_cursor: res.nextCursor });
  },
});

export const ordersGet = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/orders/{id}",
  summary: "One order with its lines, total, status and invoice (BIL-4).",
  scope: "invoices:read",
  action: "billing.read",
  response: orderOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, params }) => {
    const o = await getOrder(db, actor, { orgId, orderId: idParam(params, "id") });
    const data: z.infer<typeof orderOutSchema> = {
      ...orderOut(o),
      invoice: o.invoice ? { id: o.invoice.id, number: o.invoice.number, status: o.invoice.status } : null,
      proforma: o.proforma ? { id: o.proforma.id, number: o.proforma.number, status: o.proforma.status } : null,
      lines: o.lines.map((l) => ({ id: l.id, product_id: l.productId, description: l.description, period_months: l.periodMonths, amount_minor: l.amountMinor })),
    };
    return { data };
  },
});

export const paymentOutSchema = z.object({
  id: z.string(),
  status: z
    .enum(["PENDING", "SUCCEEDED", "FAILED", "REFUNDED", "REFUND_DUE"])
    .describe("REFUND_DUE: the money arrived for an invoice already paid and is being given back; REFUNDED once the operator accepted the refund."),
  method_type: z.string().describe("CARD (brand not known yet), VISA, MASTERCARD, CB, POSTFINANCE, IBAN, PAYPAL, TWINT or PREPAID."),
  method_label: z.string().nullable().describe("The saved method's label (brand and last 4 digits); never a card number."),
  amount_minor: minor,
  currency: z.enum(["CHF", "EUR"]),
  failure_code: z.string().nullable(),
  invoice_id: z.string().nullable(),
  order_id: z.string().nullable(),
  created_at: dateOut,
  settled_at: nullableDateOut,
});

type PaymentRow = Pick<PaymentSummary, "id" | "status" | "methodType" | "amountMinor" | "currency" | "failureCode" | "createdAt" | "settledAt"> & {
  orderId?: string | null;
  invoice: { id: string; orderId?: string | null } | null;
  method: { label: string } | null;
};

function paymentOut(p: PaymentRow): z.infer<typeof paymentOutSchema> {
  return {
    id: p.id,
    status: p.status,
    method_type: p.methodType,
    method_label: p.method?.label ?? null,
    amount_minor: p.amountMinor,
    currency: p.currency,
    failure_code: p.failureCode,
    invoice_id: p.invoice?.id ?? null,
    order_id: p.orderId ?? p.invoice?.orderId ?? null,
    created_at: p.createdAt.toISOString(),
    settled_at: p.settledAt?.toISOString() ?? null,
  };
}

export const paymentsList = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/payments",
  summary: "The Organization's payment attempts, newest first (BIL-5).",
  scope: "invoices:read",
  action: "billing.read",
  schema: z.object({ page: pageField, per_page: perPageField, status: z.enum(["PENDING", "SUCCEEDED", "FAILED", "REFUNDED", "REFUND_DUE"]).optional() }),
  response: z.array(paymentOutSchema),
  paged: true,
  handler: async ({ db, actor, orgId, input: q }) => {
    const res = await listPayments(db, actor, { orgId, status: q.status, page: q.page, perPage: q.per_page });
    return pageOf(res.items.map(paymentOut), q, res.total);
  },
});

export const paymentsGet = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/payments/{id}",
  summary: "One payment attempt and its outcome (BIL-5).",
  scope: "invoices:read",
  action: "billing.read",
  response: paymentOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, params }) => {
    const p = await getPayment(db, actor, { orgId, paymentId: idParam(params, "id") });
    return { data: paymentOut(p) };
  },
});

export const ORDER_ENDPOINTS = [ordersList, ordersGet, paymentsList, paymentsGet];
