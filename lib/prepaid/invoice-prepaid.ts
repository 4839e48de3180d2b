import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { amountDue } from "@/lib/payments/amount-due";
import { ledgerBalance } from "./prepaid-balance";

export const invoicePrepaidSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  invoiceId: z.string().min(1, "validation.required").max(64, "validation.invalid"),
});
export type InvoicePrepaidInput = z.input<typeof invoicePrepaidSchema>;

/**
 * BIL-5: what the invoice page offers before "Pay from my prepaid account": what is still due (its total
 * less what the balance or a transfer already paid), the balance, and the part of it the balance covers.
 */
export async function invoicePrepaid(db: Db, actor: Actor, raw: InvoicePrepaidInput) {
  const input = invoicePrepaidSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.read");
    const invoice = await tx.invoice.findFirst({ where: { id: input.invoiceId, orgId: me.orgId }, select: { id: true, totalMinor: true, currency: true } });
    if (!invoice) throw new AppError("NOT_FOUND");
    const [dueMinor, balanceMinor] = await Promise.all([amountDue(tx, invoice), ledgerBalance(tx, me.orgId)]);
    return { currency: invoice.currency, dueMinor, paidMinor: invoice.totalMinor - dueMinor, balanceMinor, coverMinor: Math.max(0, Math.min(dueMinor, balanceMinor)) };
  });
}
