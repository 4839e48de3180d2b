import type { Tx } from "@/lib/db";

/** The cashback on an invoice subtotal (before VAT), rounded down to the minor unit. */
export const cashbackAmount = (subtotalMinor: number, rateBp: number) => Math.floor((subtotalMinor * rateBp) / 10_000);

/**
 * PRT-5: a paid invoice of a client Organization with an active partnership earns the partner its cashback,
 * at its benefit rate, whatever its benefit — whoever placed the order, the partner or the client itself,
 * and automatic renewals too. The partner-billing guide says so for both payers: when the client pays, the
 * partner "paie le prix public et recevra un revenu (cashback)", and in either case it "recevra également
 * un revenu (cashback) pour toute commande et renouvellement effectué directement par son client"; a
 * DISCOUNT partner gets its discount only on what it pays itself. Invoices the partner pays (in its own
 * Organization) earn nothing. Credited once per invoice: a replayed settlement finds the row and adds
 * nothing. Called in the settlement transaction.
 */
export async function creditCashback(tx: Tx, invoiceId: string, at: Date): Promise<void> {
  const invoice = await tx.invoice.findUnique({ where: { id: invoiceId }, select: { id: true, orgId: true, status: true, currency: true, subtotalMinor: true } });
  if (!invoice || invoice.status !== "PAID" || invoice.subtotalMinor <= 0) return;
  const partnership = await tx.partnership.findFirst({
    where: { clientOrgId: invoice.orgId, status: "ACTIVE", partner: { approvedAt: { not: null }, orgId: { not: invoice.orgId } } },
    orderBy: { acceptedAt: "asc" },
    select: { partner: { select: { id: true, benefitRateBp: true } } },
  });
  if (!partnership) return;
  const amountMinor = cashbackAmount(invoice.subtotalMinor, partnership.partner.benefitRateBp);
  if (amountMinor <= 0) return;
  await tx.partnerCashback.createMany({
    data: [{ partnerId: partnership.partner.id, clientOrgId: invoice.orgId, invoiceId: invoice.id, amountMinor, currency: invoice.currency, createdAt: at }],
    skipDuplicates: true,
  });
}
