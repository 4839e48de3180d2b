import type { Db, Tx } from "@/lib/db";
import { payerOf, resellerPrice, type Payer } from "@/lib/partners/payer";
import type { VatCustomer } from "@/lib/invoices/vat-rules";
import { renewalAmount } from "./renewal-amount";

export const PAYER_ORG_SELECT = { name: true, currency: true, country: true, vatNumber: true, vatNumberValid: true } as const;
type PayerOrg = VatCustomer & { name: string; currency: string };

/** Who pays a client's automatic renewals, with what the e-mails about them need. */
export type RenewalPayer = Payer & {
  org: PayerOrg;
  /** The partner's name when a partner pays for the client (PRT-5), null when the client pays itself. */
  partnerName: string | null;
};

/**
 * PRT-5, BIL-10: the Organization that pays the renewals of a client's products — asked of payerOf, the one
 * place that decides — so that the renewal e-mails (reminders, card warnings, a skipped attempt) go to
 * whoever will be charged: the client, or the partner a full partnership makes pay.
 */
export async function renewalPayerOf(db: Db | Tx, clientOrgId: string, clientOrg: PayerOrg): Promise<RenewalPayer> {
  const payer = await payerOf(db, clientOrgId, "AUTO_RENEWAL");
  if (payer.orgId === clientOrgId) return { ...payer, org: clientOrg, partnerName: null };
  const org = await db.organization.findUniqueOrThrow({ where: { id: payer.orgId }, select: PAYER_ORG_SELECT });
  return { ...payer, org, partnerName: org.name };
}

/** One period of the product as its payer will be charged: the reseller price for a discount partner, plus the payer's VAT. */
export function payerAmount(payer: RenewalPayer, product: { priceMinor: number }) {
  return renewalAmount(payer.org, { priceMinor: resellerPrice(product.priceMinor, payer.discountBp) });
}
