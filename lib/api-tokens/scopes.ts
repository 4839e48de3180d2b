import type { Action } from "@/lib/access/permissions";
import { can } from "@/lib/access/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

/** TOK-1: the scopes a token may carry, grouped by resource for the form (see TOKEN_SCOPE in require-access). */
export const TOKEN_SCOPES = [
  "accounts:read",
  "accounts:write",
  "users:read",
  "users:write",
  "teams:read",
  "teams:write",
  "products:read",
  "products:write",
  "tags:read",
  "tags:write",
  "invoices:read",
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const SCOPE_RESOURCES = ["accounts", "users", "teams", "products", "tags", "invoices"] as const;

/** The actions of the role table each scope stands for; the creator's role must allow all of them. */
const SCOPE_ACTIONS: Record<TokenScope, Action[]> = {
  "accounts:read": ["org.read"],
  "accounts:write": ["org.update"],
  "users:read": ["users.read"],
  "users:write": ["users.invite", "users.update", "users.remove"],
  "teams:read": ["teams.read"],
  "teams:write": ["teams.manage"],
  "products:read": ["products.read"],
  "products:write": ["products.manage"],
  "tags:read": ["tags.read"],
  "tags:write": ["tags.manage"],
  "invoices:read": ["billing.read"],
};

/** Whether a member with `role` may give a token this scope (never more than their own rights). */
export function roleAllowsScope(role: Role, scope: TokenScope): boolean {
  return SCOPE_ACTIONS[scope].every((a) => can(role, a));
}

export function grantableScopes(role: Role): TokenScope[] {
  return TOKEN_SCOPES.filter((s) => roleAllowsScope(role, s));
}
