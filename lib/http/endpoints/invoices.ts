import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { invoicePdfWithExtras } from "@/lib/invoices/invoice-pdf-extras";
import { INVOICE_SORTS, INVOICE_STATUS_FILTERS, listInvoices, type InvoiceSummary } from "@/lib/invoices/list-invoices";
import { pageOf, dateOut, endpoint, idParam, nullableDateOut, paging } from "../endpoint";

const minor = z.number().int().describe("Integer minor units (cents) of `currency`.");

export const invoiceSummaryOutSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(["INVOICE", "PROFORMA"]).describe("PROFORMA: issued before an IBAN transfer (BIL-5)."),
  status: z.enum(["UNPAID", "PAID", "CANCELLED"]),
  overdue: z.boolean().describe("Unpaid and past its due date (BIL-1)."),
  currency: z.enum(["CHF", "EUR"]),
  subtotal_minor: minor,
  vat_rate_bp: z.number().int().describe("VAT rate in basis points: 810 = 8.1 %."),
  vat_minor: minor,
  total_minor: minor,
  reverse_charge: z.boolean().describe("VAT-exempt under reverse charge (VAT-3)."),
  issued_at: dateOut,
  due_at: dateOut,
  paid_at: nullableDateOut,
});

export const invoiceOutSchema = invoiceSummaryOutSchema.extend({
  order_id: z.string().nullable(),
  vat_number: z.string().nullable().describe("The VAT number printed on the invoice."),
  billing_address: z.record(z.string(), z.unknown()).describe("The billing address as it was when the invoice was issued."),
  lines: z.array(
    z.object({
      id: z.string(),
      product_id: z.string().nullable(),
      description: z.string(),
      quantity: z.number().int(),
      period_months: z.number().int().nullable(),
      unit_price_minor: minor,
      amount_minor: minor,
    }),
  ),
});

function summaryOut(i: InvoiceSummary): z.infer<typeof invoiceSummaryOutSchema> {
  return {
    id: i.id,
    number: i.number,
    kind: i.kind,
    status: i.status,
    overdue: i.overdue,
    currency: i.currency,
    subtotal_minor: i.subtotalMinor,
    vat_rate_bp: i.vatRateBp,
    vat_minor: i.vatMinor,
    total_minor: i.totalMinor,
    reverse_charge: i.reverseCharge,
    issued_at: i.issuedAt.toISOString(),
    due_at: i.dueAt.toISOString(),
    paid_at: i.paidAt ? i.paidAt.toISOString() : null,
  };
}

const listInvoicesQuery = z.object({
  ...paging,
  order: paging.order.default("desc"),
  order_by: z.enum(INVOICE_SORTS).default("issued").describe("Sort key: issue date, due date or number."),
  status: z.enum(INVOICE_STATUS_FILTERS).optional().describe("OVERDUE: unpaid and past the due date."),
  kind: z.enum(["INVOICE", "PROFORMA"]).optional(),
});

export const invoicesList = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/invoices",
  legacyPath: "/invoices",
  summary: "The Organization's invoices, newest first (BIL-7). Legal representatives and administrators only.",
  scope: "invoices:read",
  action: "billing.read",
  schema: listInvoicesQuery,
  response: z.array(invoiceSummaryOutSchema),
  paged: true,
  handler: async ({ db, actor, orgId, input: q }) => {
    const res = await listInvoices(db, actor, {
      orgId,
      status: q.status,
      kind: q.kind,
      sort: q.order_by,
      dir: q.order,
      page: q.page,
      perPage: q.per_page,
    });
    return pageOf(res.items.map(summaryOut), q, res.total);
  },
});

export const invoicesGet = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/invoices/{id}",
  legacyPath: "/invoices/{id}",
  summary: "One invoice with its lines (BIL-7). Legal representatives and administrators only.",
  scope: "invoices:read",
  action: "billing.read",
  response: invoiceOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, params }) => {
    const i = await getInvoice(db, actor, { orgId, invoiceId: idParam(params, "id") });
    const data: z.infer<typeof invoiceOutSchema> = {
      ...summaryOut(i),
      order_id: i.orderId,
      vat_number: i.vatNumber,
      billing_address: (i.billingSnapshot ?? {}) as Record<string, unknown>,
      lines: i.lines.map((l) => ({
        id: l.id,
        product_id: l.productId,
        description: l.description,
        quantity: l.quantity,
        period_months: l.periodMonths,
        unit_price_minor: l.unitPriceMinor,
        amount_minor: l.amountMinor,
      })),
    };
    return { data };
  },
});

export const invoicesPdf = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/invoices/{id}/pdf",
  summary: "One invoice as a PDF (BIL-7), as the console downloads it: number, lines, VAT, total; unpaid, the bank details.",
  scope: "invoices:read",
  action: "billing.read",
  schema: z.object({ lang: z.enum(LOCALES).default("en").describe("The language of the PDF.") }),
  produces: "application/pdf",
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, params, input }) => {
    const invoice = await getInvoice(db, actor, { orgId, invoiceId: idParam(params, "id") });
    const pdf = await invoicePdfWithExtras(invoice, input.lang);
    return { data: null, file: { bytes: pdf, contentType: "application/pdf", filename: `${invoice.number}.pdf` } };
  },
});

export const INVOICE_ENDPOINTS = [invoicesList, invoicesGet, invoicesPdf];
