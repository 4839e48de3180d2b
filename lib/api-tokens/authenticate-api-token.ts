import type { TokenActor } from "@/lib/access/actor";
import { DAY, MINUTE, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashSecret } from "@/lib/security/tokens";
import { IDLE_LIMIT_DAYS } from "./disable-idle-tokens";
import { isWellFormedToken } from "./token-format";

export type { TokenActor };

type TokenRow = {
  id: string;
  userId: string;
  scopes: string[];
  orgIds: string[];
  revokedAt: Date | null;
  disabledAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  ownerBlockedAt: Date | null;
  membershipId: string | null;
  role: Role | null;
};

/**
 * API-1/TOK-1: resolves a bearer token to an actor. The format and checksum are checked first (a typo or a
 * random string never reaches the database), then the hash. Revoked, expired, idle (a year, whether or not
 * the job has disabled it yet) tokens are refused, as is a token whose owner is blocked (SEC-8).
 * `orgId` is the Organization the request names, if any: the owner's membership there is read in the same
 * statement, so requireAccess needs no second one. `lastUsedAt` is written at most once a minute.
 */
export async function authenticateApiToken(
  db: Db,
  token: string,
  meta: { ip?: string | null; userAgent?: string | null } = {},
  orgId: string | null = null,
): Promise<TokenActor> {
  if (!isWellFormedToken(token)) throw new AppError("UNAUTHENTICATED");
  // One statement: the token, its restriction, its owner, and the owner's membership of the requested
  // Organization (API-6 checks the role on every call, so a demoted or departed owner loses those rights at once).
  const [row] = await db.$queryRaw<TokenRow[]>`
    SELECT t."id", t."userId", t."scopes", t."revokedAt", t."disabledAt", t."expiresAt", t."lastUsedAt", t."createdAt",
           ARRAY(SELECT o."orgId" FROM "ApiTokenOrganization" o WHERE o."tokenId" = t."id" ORDER BY o."orgId") AS "orgIds",
           u."blockedAt" AS "ownerBlockedAt", m."id" AS "membershipId", m."role"::text AS "role"
      FROM "ApiToken" t
      JOIN "User" u ON u."id" = t."userId"
      LEFT JOIN "Membership" m ON m."orgId" = ${orgId ?? ""} AND m."userId" = t."userId"
     WHERE t."tokenHash" = ${hashSecret(token)}`;
  const at = now();
  if (!row || row.revokedAt || row.disabledAt || (row.expiresAt && row.expiresAt <= at)) throw new AppError("UNAUTHENTICATED");
  // SEC-8: a token outlives neither its owner's account (blocked) nor a year of idleness (TOK-3) — refused
  // when presented, not only once the nightly job has disabled it.
  if (row.ownerBlockedAt) throw new AppError("UNAUTHENTICATED");
  if ((row.lastUsedAt ?? row.createdAt).getTime() <= at.getTime() - IDLE_LIMIT_DAYS * DAY) throw new AppError("UNAUTHENTICATED");
  if (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() >= MINUTE) {
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(at.getTime() - MINUTE) } }] },
      data: { lastUsedAt: at },
    });
  }
  return {
    kind: "token",
    tokenId: row.id,
    userId: row.userId,
    scopes: row.scopes,
    orgIds: row.orgIds.length ? row.orgIds : null,
    ...(orgId ? { membership: { orgId, member: row.membershipId && row.role ? { id: row.membershipId, role: row.role } : null } } : {}),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent ?? null,
  };
}

/** The Organizations a token can act in now: its owner's memberships, within its restriction. */
export async function tokenOrganizations(db: Db, actor: TokenActor) {
  return db.membership.findMany({
    where: { userId: actor.userId, ...(actor.orgIds ? { orgId: { in: actor.orgIds } } : {}) },
    orderBy: [{ organization: { name: "asc" } }, { orgId: "asc" }],
    select: { id: true, role: true, orgId: true, organization: { select: { id: true, name: true, entityType: true, createdAt: true } } },
  });
}
