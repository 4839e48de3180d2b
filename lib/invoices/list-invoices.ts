import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { InvoiceKind, InvoiceStatus } from "@/lib/generated/prisma/enums";

export const INVOICE_SORTS = ["issued", "due", "number"] as const;
export type InvoiceSort = (typeof INVOICE_SORTS)[number];
/** The stored statuses, plus "OVERDUE": unpaid and past its due date (BIL-1). */
export const INVOICE_STATUS_FILTERS = [...Object.values(InvoiceStatus), "OVERDUE"] as const;
export const INVOICE_KINDS = Object.values(InvoiceKind) as InvoiceKind[];

export const listInvoicesSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  status: z.enum(INVOICE_STATUS_FILTERS, { message: "validation.invalid" }).optional(),
  kind: z.enum(InvoiceKind, { message: "validation.invalid" }).optional(),
  sort: z.enum(INVOICE_SORTS, { message: "validation.invalid" }).default("issued"),
  dir: z.enum(["asc", "desc"], { message: "validation.invalid" }).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListInvoicesInput = z.input<typeof listInvoicesSchema>;

const SORT_FIELD = { issued: "issuedAt", due: "dueAt", number: "number" } as const;

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
 * BIL-7: the Organization's invoices (and pro-forma invoices), newest first by default, filtered by status
 * and kind, paged. Amounts are integer minor units in the invoice's currency. Billing data is for the
 * legal representatives and administrators only ("billing.read").
 */
export async function listInvoices(db: Db, actor: Actor, raw: ListInvoicesInput) {
  const input = listInvoicesSchema.parse(raw);
  const at = now();
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.read");
    const where: Prisma.InvoiceWhereInput = { orgId: me.orgId };
    if (input.kind) where.kind = input.kind;
    if (input.status === "OVERDUE") Object.assign(where, { status: "UNPAID", dueAt: { lt: at } });
    else if (input.status) where.status = input.status;
    const field = SORT_FIELD[input.sort];
    const [rows, total] = await Promise.all([
      tx.invoice.findMany({
        where,
        orderBy: [{ [field]: input.dir }, { id: input.dir }],
        skip: (input.page - 1) * input.perPage,
        take: input.perPage,
        select: invoiceSummarySelect,
      }),
      tx.invoice.count({ where }),
    ]);
    return { items: rows.map((r) => withOverdue(r, at)), total, page: input.page, perPage: input.perPage };
  });
}

export type InvoiceSummary = Awaited<ReturnType<typeof listInvoices>>["items"][number];
