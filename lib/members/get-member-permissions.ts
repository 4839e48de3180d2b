import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/permissions";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { CONTACT_PREFERENCES } from "@/lib/invitations/invite-user";
import { grantableCategories } from "@/lib/invitations/invite-options";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { mayManage } from "./rules";

/**
 * ORG-5: what the "member permissions" page shows: the member, their direct product access, the products
 * they hold through a team (read-only here), their contact preferences, the products the actor may grant
 * by category, and what the actor may change. Product ids the actor does not see are never revealed.
 */
export async function getMemberPermissions(db: Db, actor: Actor, orgId: string, membershipId: string) {
  const me = await requireAccess(db, actor, orgId, "org.read");
  const member = await db.membership.findFirst({
    where: { id: membershipId, orgId: me.orgId },
    select: {
      id: true,
      role: true,
      contactPrefs: true,
      user: { select: { firstName: true, lastName: true, email: true } },
    },
  });
  if (!member) throw new AppError("NOT_FOUND");
  const visible = visibleProductsWhere(me);
  const [direct, viaTeams, categories] = await Promise.all([
    db.productAccess.findMany({ where: { membershipId: member.id, product: visible }, select: { productId: true } }),
    db.productAccess.findMany({
      where: { team: { members: { some: { membershipId: member.id } } }, product: visible },
      select: { productId: true },
    }),
    grantableCategories(db, me),
  ]);
  const self = member.id === me.membershipId;
  const manager = can(me.role, "users.update") && mayManage(me.role, member.role);
  return {
    membershipId: member.id,
    name: `${member.user.firstName ?? ""} ${member.user.lastName ?? ""}`.trim() || member.user.email,
    email: member.user.email,
    role: member.role,
    isSelf: self,
    productIds: direct.map((row) => row.productId),
    teamProductIds: [...new Set(viaTeams.map((row) => row.productId))],
    contactPrefs: member.contactPrefs,
    categories,
    contactPreferences: [...CONTACT_PREFERENCES],
    canEditProducts: manager,
    canEditContactPrefs: self || manager,
  };
}
