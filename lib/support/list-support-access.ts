import type { UserActor } from "@/lib/access/actor";
import { can } from "@/lib/access/permissions";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { activeGrantWhere, TOGGLED_SCOPES, type ToggledScope } from "./grant-rules";

/**
 * SUP-1, SUP-2: for each Organization the person belongs to, what they have granted support and until
 * when: one toggle per content (mail, drive, chat) and the single e-mails shared on their own. Roles
 * without "support.grant" (external users) see the Organization without toggles. A toggle limited to chosen
 * products lists them (none: the whole content).
 */
export async function listSupportAccess(db: Db, actor: UserActor) {
  const at = now();
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId },
    orderBy: { organization: { name: "asc" } },
    select: { role: true, organization: { select: { id: true, name: true } } },
  });
  const grants = await db.supportGrant.findMany({
    where: { userId: actor.userId, ...activeGrantWhere(at) },
    orderBy: { createdAt: "asc" },
    select: { id: true, orgId: true, scope: true, expiresAt: true, resourceRef: true, products: { select: { product: { select: { id: true, name: true } } }, orderBy: { product: { name: "asc" } } } },
  });
  const sharedIds = grants.flatMap((g) => (g.scope === "SINGLE_MAIL" && g.resourceRef ? [g.resourceRef] : []));
  const messages = sharedIds.length
    ? await db.mailMessage.findMany({ where: { id: { in: sharedIds } }, select: { id: true, subject: true, mailbox: { select: { address: true } } } })
    : [];
  const subjectOf = new Map(messages.map((m) => [m.id, { subject: m.subject, mailbox: m.mailbox.address }]));
  return memberships.map(({ role, organization }) => {
    const mine = grants.filter((g) => g.orgId === organization.id);
    const toggles = Object.fromEntries(
      TOGGLED_SCOPES.map((scope) => {
        const grant = mine.find((g) => g.scope === scope);
        return [scope, grant ? { grantId: grant.id, expiresAt: grant.expiresAt, products: grant.products.map((p) => p.product) } : null];
      }),
    ) as Record<ToggledScope, { grantId: string; expiresAt: Date; products: { id: string; name: string }[] } | null>;
    const shared = mine
      .filter((g) => g.scope === "SINGLE_MAIL" && g.resourceRef && subjectOf.has(g.resourceRef))
      .map((g) => ({ grantId: g.id, expiresAt: g.expiresAt, ...subjectOf.get(g.resourceRef!)! }));
    return { orgId: organization.id, orgName: organization.name, canGrant: can(role, "support.grant"), toggles, shared };
  });
}
