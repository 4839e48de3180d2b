import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import { now } from "@/lib/clock";

/** SUP-4: what staff have to handle. Only staff may call it; anyone else gets NOT_FOUND. */
export async function backofficeOverview(db: Db, actor: Actor) {
  requireStaff(actor);
  const t = now();
  const [openVerifications, activeGrants, openRequests] = await Promise.all([
    db.identityVerification.count({ where: { status: { in: ["OPEN", "PHONE_CONFIRMED", "SUBMITTED"] } } }),
    db.supportGrant.count({ where: { revokedAt: null, expiresAt: { gt: t } } }),
    db.supportRequest.count({ where: { status: { not: "CLOSED" } } }),
  ]);
  return { openVerifications, activeGrants, openRequests };
}
