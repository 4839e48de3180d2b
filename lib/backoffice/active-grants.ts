import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";

/** SUP-4: the support grants in force now (not revoked, not expired), those ending first on top, with the products a limited one names. */
export async function listActiveGrants(db: Db, actor: Actor) {
  requireStaff(actor, "grants.read");
  return db.supportGrant.findMany({
    where: { revokedAt: null, expiresAt: { gt: now() } },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      scope: true,
      createdAt: true,
      expiresAt: true,
      organization: { select: { id: true, name: true } },
      user: { select: { firstName: true, lastName: true } },
      // A grant limited to chosen products names them (none: the whole content).
      products: { select: { product: { select: { name: true } } }, orderBy: { product: { name: "asc" } } },
    },
  });
}
