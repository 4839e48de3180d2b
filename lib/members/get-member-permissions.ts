import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/permissions";
import { requireMember } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { CONTACT_PREFERENCES } from "@/lib/invitations/invite-user";
import { listProductOptions, type ListProductOptionsInput } from "@/lib/products/list-product-options";
import { listProductCategories } from "@/lib/products/list-products";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { mayManage } from "./rules";

/** The member of this Organization the actor looks at; another Organization's (or an unknown) id is NOT_FOUND. */
async function findMember(db: Db, actor: Actor, orgId: string, membershipId: string) {
  const me = await requireMember(db, actor, orgId, "members.view");
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
  return { me, member };
}

/**
 * ORG-5: a member's direct product access, the products they hold through a team, and their contact
 * preferences — among the products the actor sees (ids the actor does not see are never revealed). Any
 * member may look ("members.view"; an API token needs `users:read`).
 */
export async function getMemberAccess(db: Db, actor: Actor, orgId: string, membershipId: string) {
  const { me, member } = await findMember(db, actor, orgId, membershipId);
  const visible = visibleProductsWhere(me);
  const [direct, viaTeams] = await Promise.all([
    db.productAccess.findMany({ where: { membershipId: member.id, product: visible }, select: { productId: true }, orderBy: { productId: "asc" } }),
    db.productAccess.findMany({
      where: { team: { members: { some: { membershipId: member.id } } }, product: visible },
      select: { productId: true },
      orderBy: { productId: "asc" },
    }),
  ]);
  return {
    me,
    member,
    productIds: direct.map((row) => row.productId),
    teamProductIds: [...new Set(viaTeams.map((row) => row.productId))],
  };
}

/**
 * ORG-5: what the "member permissions" page shows: the first page of the products the member holds
 * directly and through their teams (among those the actor sees), and — for those who may change them —
 * the first page of the products the actor may grant; the picker fetches the other pages. Nothing here
 * grows with the number of products.
 */
export async function getMemberPermissions(db: Db, actor: Actor, orgId: string, membershipId: string) {
  const { me, member } = await findMember(db, actor, orgId, membershipId);
  const self = member.id === me.membershipId;
  const manager = can(me.role, "users.update") && mayManage(me.role, member.role);
  const options = (input: Omit<ListProductOptionsInput, "orgId">) => listProductOptions(db, actor, { orgId: me.orgId, ...input });
  const [granted, viaTeams, grantable, categories] = await Promise.all([
    options({ member: member.id, held: "direct" }),
    options({ member: member.id, held: "teams" }),
    manager ? options({}) : null,
    manager ? listProductCategories(db) : [],
  ]);
  return {
    membershipId: member.id,
    name: `${member.user.firstName ?? ""} ${member.user.lastName ?? ""}`.trim() || member.user.email,
    email: member.user.email,
    role: member.role,
    isSelf: self,
    granted,
    viaTeams,
    grantable,
    categories,
    contactPrefs: member.contactPrefs,
    contactPreferences: [...CONTACT_PREFERENCES],
    canEditProducts: manager,
    canEditContactPrefs: self || manager,
  };
}
