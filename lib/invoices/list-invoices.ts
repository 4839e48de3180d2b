import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { InvoiceKind, InvoiceStatus } from "@/lib/generated/prisma/enums";
import { checkPeriod, invoiceFilterFields, invoiceSearchWhere, periodRange } from "./invoice-filters";

export const INVOICE_SORTS = ["issued", "due", "number"] as const;
export type InvoiceSort = (typeof INVOICE_SORTS)[number];
/** The stored statuses, plus "OVERDUE": unpaid and past its due date (BIL-1). */
export const INVOICE_STATUS_FILTERS = [...Object.values(InvoiceStatus), "OVERDUE"] as const;
export const INVOICE_KINDS = Object.values(InvoiceKind) as InvoiceKind[];

export const listInvoicesSchema = z
  .object({
    orgId: z.string().min(1, "validation.required"),
    status: z.enum(INVOICE_STATUS_FILTERS, { message: "validation.invalid" }).optional(),
    kind: z.enum(InvoiceKind, { message: "validation.invalid" }).optional(),
    ...invoiceFilterFields,
    sort: z.enum(INVOICE_SORTS, { message: "validation.invalid" }).default("issued"),
    dir: z.enum(["asc", "desc"], { message: "validation.invalid" }).default("desc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    /** Keyset paging (the console): the opaque cursor of the previous page's last invoice; `page` is then ignored. */
    after: z.string().max(300, "validation.invalid").optional(),
    perPage: z.coerce.number().int().min(1).max(100).default(25),
  })
  .superRefine(checkPeriod);
export type ListInvoicesInput = z.input<typeof listInvoicesSchema>;

const SORT_FIELD = { issued: "issuedAt", due: "dueAt", number: "number" } as const;

/** Where the next page starts: after this invoice in the current order (the cursor names the order, so it cannot be replayed on another). */
type Cursor = { sort: InvoiceSort; dir: "asc" | "desc"; value: string; id: string };

const cursorSchema = z.object({ s: z.enum(INVOICE_SORTS), d: z.enum(["asc", "desc"]), v: z.string().max(100), i: z.string().min(1).max(64) });

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ s: c.sort, d: c.dir, v: c.value, i: c.id })).toString("base64url");
}

function decodeCursor(raw: string, sort: InvoiceSort, dir: "asc" | "desc"): Cursor {
  try {
    const p = cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (p.s !== sort || p.d !== dir || (sort !== "number" && Number.isNaN(Date.parse(p.v)))) throw new Error("another order");
    return { sort: p.s, dir: p.d, value: p.v, id: p.i };
  } catch {
    throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { after: ["validation.invalid"] });
  }
}

/** The rows after the cursor in (sort field, id) order. */
function afterCursor(c: Cursor): Prisma.InvoiceWhereInput {
  const field = SORT_FIELD[c.sort];
  const value = c.sort === "number" ? c.value : new Date(c.value);
  const op = c.dir === "asc" ? "gt" : "lt";
  return { OR: [{ [field]: { [op]: value } }, { [field]: value, id: { [op]: c.id } }] };
}

export const invoiceSummarySelect = {
  id: true,
  number: true,
  kind: true,
  status: true,
  currency: true,
  subtotalMinor: true,
  vatRateBp: true,
  vatMinor: true,
  totalMinor: true,
  reverseCharge: true,
  issuedAt: true,
  dueAt: true,
  paidAt: true,
} as const satisfies Prisma.InvoiceSelect;

type InvoiceSummaryRow = Prisma.InvoiceGetPayload<{ select: typeof invoiceSummarySelect }>;

/** BIL-1: an unpaid invoice past its due date is overdue; the flag is derived, never stored. */
export function withOverdue<T extends Pick<InvoiceSummaryRow, "status" | "dueAt">>(row: T, at = now()) {
  return { ...row, overdue: row.status === "UNPAID" && row.dueAt < at };
}

/**
 * BIL-7: the Organization's invoices (and pro-forma invoices), newest first by default, filtered by status,
 * kind, issue period (a preset or from / to days) and a search (invoice number, amount, order number); paged
 * by keyset with `after` (the console) or by page number (the REST API's envelope). Amounts are integer minor units in the invoice's currency. Billing data is for the
 * legal representatives and administrators only ("billing.read").
 */
export async function listInvoices(db: Db, actor: Actor, raw: ListInvoicesInput) {
  const input = listInvoicesSchema.parse(raw);
  const at = now();
  const cursor = input.after ? decodeCursor(input.after, input.sort, input.dir) : null;
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.read");
    const where: Prisma.InvoiceWhereInput = { orgId: me.orgId };
    if (input.kind) where.kind = input.kind;
    if (input.status === "OVERDUE") Object.assign(where, { status: "UNPAID", dueAt: { lt: at } });
    else if (input.status) where.status = input.status;
    const issued = periodRange(input, at);
    if (issued.gte || issued.lt) where.issuedAt = issued;
    if (input.q) where.AND = [invoiceSearchWhere(input.q)];
    const field = SORT_FIELD[input.sort];
    const [rows, total] = await Promise.all([
      tx.invoice.findMany({
        where: cursor ? { AND: [where, afterCursor(cursor)] } : where,
        orderBy: [{ [field]: input.dir }, { id: input.dir }],
        skip: cursor ? 0 : (input.page - 1) * input.perPage,
        take: input.perPage + 1,
        select: invoiceSummarySelect,
      }),
      tx.invoice.count({ where }),
    ]);
    const items = rows.slice(0, input.perPage);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > input.perPage && last
        ? encodeCursor({ sort: input.sort, dir: input.dir, value: input.sort === "number" ? last.number : (input.sort === "due" ? last.dueAt : last.issuedAt).toISOString(), id: last.id })
        : null;
    return { items: items.map((r) => withOverdue(r, at)), total, page: input.page, perPage: input.perPage, nextCursor };
  });
}

export type InvoiceSummary = Awaited<ReturnType<typeof listInvoices>>["items"][number];
