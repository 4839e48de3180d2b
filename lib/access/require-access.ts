import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "./actor";
import { can, type Action } from "./permissions";

export type OrgAccess = {
  orgId: string;
  userId: string;
  membershipId: string;
  role: Role;
};

/** Which API-token scope covers which action; a token never exceeds its owner's role either (API-6). */
const TOKEN_SCOPE: Partial<Record<Action, string>> = {
  "org.read": "accounts:read",
  "org.update": "accounts:write",
  "users.read": "users:read",
  "members.view": "users:read",
  "membership.updateOwn": "users:write",
  "users.invite": "users:write",
  "users.update": "users:write",
  "users.remove": "users:write",
  "teams.read": "teams:read",
  "teams.manage": "teams:write",
  "products.read": "products:read",
  "products.readAll": "products:read",
  "products.manage": "products:write",
  "tags.read": "tags:read",
  "tags.manage": "tags:write",
  "billing.read": "invoices:read",
};

/** Whether a set of scopes covers an action; `resource:write` implies `resource:read`. */
export function scopesAllow(scopes: string[], action: Action): boolean {
  const needed = TOKEN_SCOPE[action];
  if (!needed) return false;
  if (scopes.includes(needed)) return true;
  const [resource, mode] = needed.split(":");
  return mode === "read" && scopes.includes(`${resource}:write`);
}

/**
 * The one place tenancy is checked. Resolves the actor's membership of `orgId` and checks `action`
 * against the role table. Not a member (or an unknown Organization) answers NOT_FOUND, so nobody learns
 * that another tenant's id exists; a member without the right gets FORBIDDEN.
 */
export async function requireAccess(tx: Tx, actor: Actor, orgId: string, action: Action): Promise<OrgAccess> {
  if (actor.kind === "system") throw new AppError("FORBIDDEN");
  if (actor.kind === "token" && actor.orgId !== orgId) throw new AppError("NOT_FOUND");
  const membership =
    actor.kind === "token" && actor.membership !== undefined
      ? actor.membership
      : actor.kind === "user" && actor.memberships
        ? (actor.memberships.get(orgId) ?? null)
        : await tx.membership.findUnique({ where: { orgId_userId: { orgId, userId: actor.userId } }, select: { id: true, role: true } });
  if (!membership) throw new AppError("NOT_FOUND");
  if (!can(membership.role, action)) throw new AppError("FORBIDDEN");
  if (actor.kind === "token" && !scopesAllow(actor.scopes, action)) throw new AppError("FORBIDDEN");
  return { orgId, userId: actor.userId, membershipId: membership.id, role: membership.role };
}

/** Like requireAccess, but answers false instead of throwing FORBIDDEN (for showing or hiding UI). */
export async function hasAccess(tx: Tx, actor: Actor, orgId: string, action: Action): Promise<boolean> {
  try {
    await requireAccess(tx, actor, orgId, action);
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === "FORBIDDEN") return false;
    throw err;
  }
}

export function requireStaff(actor: Actor): Extract<Actor, { kind: "user" }> {
  if (actor.kind !== "user" || !actor.staffRole) throw new AppError("NOT_FOUND");
  return actor;
}
