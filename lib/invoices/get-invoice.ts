import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invoiceSummarySelect, withOverdue } from "./list-invoices";

export const getInvoiceSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  invoiceId: z.string().min(1, "validation.required").max(64, "validation.invalid"),
});
export type GetInvoiceInput = z.input<typeof getInvoiceSchema>;

export const invoiceDetailsSelect = {
  ...invoiceSummarySelect,
  orderId: true,
  vatNumber: true,
  billingSnapshot: true,
  lines: {
    orderBy: { id: "asc" },
    select: { id: true, productId: true, description: true, quantity: true, periodMonths: true, unitPriceMinor: true, amountMinor: true },
  },
} as const satisfies Prisma.InvoiceSelect;

/**
 * BIL-7 / VAT-3: one invoice with its lines, the billing address and VAT number as they were when it was
 * issued, and whether reverse charge applies. Another Organization's invoice answers NOT_FOUND.
 */
export async function getInvoice(db: Db, actor: Actor, raw: GetInvoiceInput) {
  const input = getInvoiceSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.read");
    const invoice = await tx.invoice.findFirst({
      where: { id: input.invoiceId, orgId: me.orgId },
      select: { ...invoiceDetailsSelect, prepaidTopUpKey: true },
    });
    if (!invoice) throw new AppError("NOT_FOUND");
    const { prepaidTopUpKey, ...details } = invoice;
    // BIL-6: the pro-forma of a prepaid top-up by transfer (its key stays inside).
    return { ...withOverdue(details), prepaidTopUp: prepaidTopUpKey !== null };
  });
}

/** What invoice pages and PDFs read; `prepaidTopUp` is known when the invoice was read by getInvoice. */
export type InvoiceDetails = Omit<Awaited<ReturnType<typeof getInvoice>>, "prepaidTopUp"> & { prepaidTopUp?: boolean };
