import { can } from "@/lib/access/permissions";
import { allows, type OrgAccess } from "@/lib/access/require-access";
import type { Tx } from "@/lib/db";
import { payerOf, type Payer } from "@/lib/partners/payer";

/** Who is invoiced for the renewals this access orders, and whether the one ordering also chooses how they are paid. */
export type RenewalOrderTerms = { payer: Payer; choosesMethod: boolean };

/**
 * PRT-5, PRT-9: the renewals ordered from a client's payments page are invoiced to `payerOf` — the client,
 * or the partner when it pays for this client. Who orders chooses the method only if they may pay where the
 * order is invoiced: "billing.pay" here and, when the partner pays, in the partner's own Organization too.
 * The partner-billing guide: the partner "manages invoicing and settles orders and renewals made for its
 * customer" — its billing people, not each of its users. So a partner's plain user assigned to the client
 * orders without a method, and the order waits among the partner's pending orders (BIL-4), as an order of a
 * partner whose client pays waits among the client's. The payments page and placeRenewalOrder both ask here.
 */
export async function renewalOrderTerms(tx: Tx, access: OrgAccess): Promise<RenewalOrderTerms> {
  const payer = await payerOf(tx, access.orgId, access.via === "partnership" ? { partnershipId: access.partnershipId } : "CLIENT");
  if (!allows(access, "billing.pay")) return { payer, choosesMethod: false };
  if (payer.orgId === access.orgId) return { payer, choosesMethod: true };
  const membership = await tx.membership.findUnique({ where: { orgId_userId: { orgId: payer.orgId, userId: access.userId } }, select: { role: true } });
  return { payer, choosesMethod: !!membership && can(membership.role, "billing.pay") };
}
