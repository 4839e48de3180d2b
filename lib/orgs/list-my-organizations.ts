import type { Db } from "@/lib/db";
import type { UserActor } from "@/lib/auth/get-actor";

/** ACC-6: every Organization the user belongs to, with their role, for the switcher. */
export async function listMyOrganizations(db: Db, actor: UserActor) {
  const rows = await db.membership.findMany({
    where: { userId: actor.userId },
    select: { id: true, role: true, organization: { select: { id: true, name: true, entityType: true, partner: { select: { id: true } } } } },
    orderBy: { organization: { name: "asc" } },
  });
  return rows.map((r) => ({
    id: r.organization.id,
    name: r.organization.name,
    entityType: r.organization.entityType,
    isPartner: !!r.organization.partner,
    role: r.role,
    membershipId: r.id,
  }));
}
