import type { Db, Tx } from "@/lib/db";
import { vatAmount, vatFor, type VatCustomer } from "@/lib/invoices/vat-rules";

/** One period of a product, as its renewal invoice will charge it: price plus the customer's VAT (VAT-3). */
export function renewalAmount(org: VatCustomer, product: { priceMinor: number }): { subtotalMinor: number; totalMinor: number } {
  const subtotalMinor = product.priceMinor;
  return { subtotalMinor, totalMinor: subtotalMinor + vatAmount(subtotalMinor, vatFor(org).rateBp) };
}

export type BillingMessages = { remindersEnabled: boolean; reminderDaysBefore: number; notifyRenewal: boolean; notifyInvoiceIssued: boolean };

/** BIL-10: the Organization's billing messages; an Organization that never chose has the defaults. */
export async function billingMessagesOf(db: Db | Tx, orgId: string): Promise<BillingMessages> {
  const pref = await db.billingPreference.findUnique({ where: { orgId }, select: { remindersEnabled: true, reminderDaysBefore: true, notifyRenewal: true, notifyInvoiceIssued: true } });
  return pref ?? { remindersEnabled: true, reminderDaysBefore: 30, notifyRenewal: true, notifyInvoiceIssued: true };
}
