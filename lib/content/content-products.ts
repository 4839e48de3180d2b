import type { OrgAccess } from "@/lib/access/require-access";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SupportScope } from "@/lib/generated/prisma/enums";
import { visibleProductsWhere } from "@/lib/products/visible-products";

export const CONTENT_KINDS = ["mail", "drive", "chat"] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const CONTENT_ACTION = { mail: "content.mail.read", drive: "content.drive.read", chat: "content.chat.read" } as const;
const GRANT_SCOPE: Record<ContentKind, SupportScope> = { mail: "MAIL", drive: "DRIVE", chat: "CHAT" };

/**
 * The mail, drive or chat products whose content an access may read (SUP-1, SUP-3, PRD-3). A member or
 * partner reads what they see (visibleProductsWhere). The staff handling a request read, for each grant of
 * that kind, what its granter sees in the Organization — and, for a grant limited to chosen products, only
 * those — never more, and nothing once the granter has left; with no such grant, nothing.
 */
export async function contentProductsWhere(tx: Tx, access: OrgAccess, kind: ContentKind): Promise<Prisma.ProductWhereInput> {
  const category = { category: { code: kind } };
  if (access.via !== "support") return { AND: [visibleProductsWhere(access), category] };
  const grants = access.granters.filter((g) => g.scope === GRANT_SCOPE[kind]);
  const granterIds = [...new Set(grants.map((g) => g.userId))];
  const memberships = granterIds.length
    ? await tx.membership.findMany({ where: { orgId: access.orgId, userId: { in: granterIds } }, select: { id: true, role: true, userId: true } })
    : [];
  const membershipOf = new Map(memberships.map((m) => [m.userId, m]));
  const seen = grants.flatMap((g) => {
    const m = membershipOf.get(g.userId);
    if (!m) return [];
    const visible = visibleProductsWhere({ via: "membership", orgId: access.orgId, userId: m.userId, membershipId: m.id, role: m.role, actor: access.actor, actions: access.actions });
    return [g.productIds ? { AND: [visible, { id: { in: g.productIds } }] } : visible];
  });
  if (seen.length === 0) return { id: { in: [] } };
  return { AND: [{ orgId: access.orgId }, { OR: seen }, category] };
}
