import type { Db } from "@/lib/db";
import type { UserActor } from "@/lib/access/actor";
import { can, rolesWith } from "@/lib/access/permissions";

/** Granted products named on the dashboard per client; the count says how many there are in all. */
const PRODUCTS_SHOWN = 10;

/**
 * PRT-4: the clients that granted access to a partner Organization the actor belongs to. A partner's
 * user sees only clients they were assigned to (PRT-9), unless their role there manages every client
 * ("clients.manageAll" in the role table). The same rule lets them act in the client (requireAccess), and
 * the same role row ("clients.read") lets them read the list through the API (partnerships endpoint).
 */
export async function listPartnerClients(db: Db, actor: UserActor) {
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId, role: { in: rolesWith("clients.read") }, organization: { partner: { isNot: null } } },
    select: { id: true, role: true, organization: { select: { partner: { select: { id: true, displayName: true } } } } },
  });
  const results = [];
  for (const m of memberships) {
    const partner = m.organization.partner!;
    const seesAll = can(m.role, "clients.manageAll");
    const partnerships = await db.partnership.findMany({
      where: { partnerId: partner.id, status: "ACTIVE", ...(seesAll ? {} : { managers: { some: { membershipId: m.id } } }) },
      select: {
        id: true,
        access: true,
        payer: true,
        acceptedAt: true,
        client: { select: { id: true, name: true, _count: { select: { products: true } } } },
        products: { select: { product: { select: { name: true } } }, orderBy: { product: { name: "asc" } }, take: PRODUCTS_SHOWN },
        _count: { select: { products: true } },
      },
      orderBy: { client: { name: "asc" } },
    });
    results.push({
      partner,
      // PRT-7: who takes on clients may also end a partnership.
      mayEnd: can(m.role, "clients.manageAll"),
      clients: partnerships.map((p) => ({
        id: p.id,
        clientOrgId: p.client.id,
        clientName: p.client.name,
        access: p.access,
        payer: p.payer,
        since: p.acceptedAt,
        productCount: p.access === "FULL" ? p.client._count.products : p._count.products,
        /** Limited access: the granted products' names (the first PRODUCTS_SHOWN). */
        products: p.access === "FULL" ? null : p.products.map((x) => x.product.name),
      })),
    });
  }
  return results;
}
