import type { Action } from "@/lib/access/permissions";
import { can } from "@/lib/access/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * TOK-1, API-6: the token-scope table — the one place that says which actions each scope covers. A token
 * may do an action only when one of its scopes covers it (and its owner's role allows it); `write`
 * covers everything `read` covers. REST endpoints declare one of these scopes and the endpoint wrapper
 * checks it (lib/http/endpoint.ts); a test runs every endpoint to prove declaration and table agree.
 */
export const SCOPE_TABLE = {
  "accounts:read": { covers: ["org.read"], creatorNeeds: ["org.read"] },
  "accounts:write": { covers: ["org.update"], creatorNeeds: ["org.update"] },
  "users:read": { covers: ["users.read", "members.view"], creatorNeeds: ["users.read"] },
  "users:write": {
    covers: ["users.invite", "users.update", "users.remove", "membership.updateOwn", "membership.leave"],
    creatorNeeds: ["users.invite", "users.update", "users.remove"],
  },
  "teams:read": { covers: ["teams.read"], creatorNeeds: ["teams.read"] },
  "teams:write": { covers: ["teams.manage"], creatorNeeds: ["teams.manage"] },
  "products:read": { covers: ["products.read", "products.readAll"], creatorNeeds: ["products.read"] },
  "products:write": { covers: ["products.manage"], creatorNeeds: ["products.manage"] },
  "tags:read": { covers: ["tags.read"], creatorNeeds: ["tags.read"] },
  "tags:write": { covers: ["tags.manage"], creatorNeeds: ["tags.manage"] },
  "invoices:read": { covers: ["billing.read"], creatorNeeds: ["billing.read"] },
  // PRT-2 … PRT-9, TND-2: the partnerships from both sides, and a partner's open calls for tenders (read only: no endpoint answers one).
  // Whoever sees clients under management in the reseller area may read them through the API; the
  // Organization's own partners stay for those holding "partners.read" (the service leaves them out otherwise).
  "partners:read": { covers: ["partners.read", "clients.read", "tenders.answer"], creatorNeeds: ["clients.read"] },
} as const satisfies Record<string, { covers: readonly Action[]; creatorNeeds: readonly Action[] }>;

export type TokenScope = keyof typeof SCOPE_TABLE;
export const TOKEN_SCOPES = Object.keys(SCOPE_TABLE) as [TokenScope, ...TokenScope[]];

export const SCOPE_RESOURCES = ["accounts", "users", "teams", "products", "tags", "invoices", "partners"] as const;

/** The scopes a token's scope list implies: `resource:write` implies `resource:read`. */
export function effectiveScopes(scopes: readonly string[]): Set<TokenScope> {
  const out = new Set<TokenScope>();
  for (const s of scopes) {
    if (!(s in SCOPE_TABLE)) continue;
    out.add(s as TokenScope);
    const [resource, mode] = s.split(":");
    if (mode === "write" && `${resource}:read` in SCOPE_TABLE) out.add(`${resource}:read` as TokenScope);
  }
  return out;
}

/** Whether a token's scopes cover an action. */
export function scopesAllow(scopes: readonly string[], action: Action): boolean {
  for (const s of effectiveScopes(scopes)) if ((SCOPE_TABLE[s].covers as readonly Action[]).includes(action)) return true;
  return false;
}

/** Whether a token's scopes include a declared scope (directly or as the read half of a write scope). */
export function scopesInclude(scopes: readonly string[], scope: TokenScope): boolean {
  return effectiveScopes(scopes).has(scope);
}

/** Whether a member with `role` may give a token this scope (never more than their own rights). */
export function roleAllowsScope(role: Role, scope: TokenScope): boolean {
  return SCOPE_TABLE[scope].creatorNeeds.every((a) => can(role, a));
}

export function grantableScopes(role: Role): TokenScope[] {
  return TOKEN_SCOPES.filter((s) => roleAllowsScope(role, s));
}
