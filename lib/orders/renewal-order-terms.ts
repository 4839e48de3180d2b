import { allows, hasAccess, personOf, type OrgAccess } from "@/lib/access/require-access";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
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
  // The partner pays: the person's own rights in the partner's Organization, as requireAccess reads them there.
  if (access.actor.kind !== "partner") return { payer, choosesMethod: false };
  const paysThere = await hasAccess(tx, personOf(access.actor), payer.orgId, "billing.pay").catch((err: unknown) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") return false; // not (or no longer) a member there
    throw err;
  });
  return { payer, choosesMethod: paysThere };
}
