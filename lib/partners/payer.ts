import type { Tx } from "@/lib/db";
import type { PartnerAccess, PartnerBenefit, PartnerPayer } from "@/lib/generated/prisma/enums";

/** Who is invoiced for an order of a client's products, and at which discount (basis points). */
export type Payer = { orgId: string; partnerId: string | null; discountBp: number };

/**
 * What the order is: placed by the client itself, by a partner's user acting through a partnership, or an
 * automatic renewal of the client's product by the daily job.
 */
export type PlacedBy = "CLIENT" | "AUTO_RENEWAL" | { partnershipId: string };

type Terms = { access: PartnerAccess; payer: PartnerPayer; partner: { id: string; orgId: string; benefit: PartnerBenefit; benefitRateBp: number } };

const TERMS = { access: true, payer: true, partner: { select: { id: true, orgId: true, benefit: true, benefitRateBp: true } } } as const;

/**
 * PRT-5, the one place that decides who pays. A full partnership whose payer is the partner makes the
 * partner pay what is done for its client — the orders its users place and the automatic renewals of the
 * client's products — in its own Organization, at its reseller price when its benefit is a discount.
 * Otherwise the client pays at public price (an order a partner placed still names it, for its cashback).
 * What the client orders itself in the console is always the client's own.
 */
export async function payerOf(tx: Tx, clientOrgId: string, placedBy: PlacedBy): Promise<Payer> {
  const client: Payer = { orgId: clientOrgId, partnerId: null, discountBp: 0 };
  if (placedBy === "CLIENT") return client;
  const terms: Terms | null =
    placedBy === "AUTO_RENEWAL"
      ? await tx.partnership.findFirst({
          where: { clientOrgId, status: "ACTIVE", access: "FULL", payer: "PARTNER", partner: { approvedAt: { not: null }, orgId: { not: clientOrgId } } },
          orderBy: [{ acceptedAt: "asc" }, { id: "asc" }],
          select: TERMS,
        })
      : await tx.partnership.findFirst({ where: { id: placedBy.partnershipId, clientOrgId, status: "ACTIVE" }, select: TERMS });
  if (!terms) return client;
  const { partner } = terms;
  if (terms.access !== "FULL" || terms.payer !== "PARTNER") return { ...client, partnerId: placedBy === "AUTO_RENEWAL" ? null : partner.id };
  return { orgId: partner.orgId, partnerId: partner.id, discountBp: partner.benefit === "DISCOUNT" ? partner.benefitRateBp : 0 };
}

/** The public price less the partner's discount, the discount rounded down to the minor unit. */
export const resellerPrice = (publicMinor: number, discountBp: number) => publicMinor - Math.floor((publicMinor * discountBp) / 10_000);
