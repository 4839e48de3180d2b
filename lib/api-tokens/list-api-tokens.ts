import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/permissions";
import { AppError } from "@/lib/errors";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { grantableScopes, TOKEN_SCOPES } from "./scopes";

export type ApiTokenStatus = "active" | "revoked" | "expired" | "disabled";

export function tokenStatus(t: { revokedAt: Date | null; disabledAt: Date | null; expiresAt: Date | null }, at = now()): ApiTokenStatus {
  if (t.revokedAt) return "revoked";
  if (t.disabledAt) return "disabled";
  if (t.expiresAt && t.expiresAt <= at) return "expired";
  return "active";
}

/**
 * TOK-4: the person's own API tokens, newest first, with their status and the Organizations they are
 * restricted to (none: every Organization of theirs); the Organizations a new token may be restricted to
 * and the scopes it may carry (those the person's role allows in at least one of them).
 */
/** What a token list shows of each token (TOK-4); never its hash. */
export const TOKEN_ROW_SELECT = {
  id: true,
  name: true,
  displayPrefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
  disabledAt: true,
} as const;

export async function listApiTokens(db: Db, actor: Actor) {
  if (actor.kind !== "user") throw new AppError("FORBIDDEN");
  const [rows, memberships] = await Promise.all([
    db.apiToken.findMany({
      where: { userId: actor.userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        ...TOKEN_ROW_SELECT,
        organizations: { select: { organization: { select: { id: true, name: true } } } },
      },
    }),
    db.membership.findMany({
      where: { userId: actor.userId },
      orderBy: [{ organization: { name: "asc" } }, { orgId: "asc" }],
      select: { role: true, organization: { select: { id: true, name: true } } },
    }),
  ]);
  const at = now();
  const eligible = memberships.filter((m) => can(m.role, "tokens.manage"));
  const grantable = new Set(eligible.flatMap((m) => grantableScopes(m.role)));
  return {
    tokens: rows.map(({ organizations, ...r }) => ({
      ...r,
      organizations: organizations.map((o) => o.organization).sort((a, b) => a.name.localeCompare(b.name)),
      status: tokenStatus(r, at),
    })),
    organizations: eligible.map((m) => m.organization),
    grantableScopes: TOKEN_SCOPES.filter((s) => grantable.has(s)),
  };
}
