import type { Actor } from "@/lib/access/actor";
import { MINUTE, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashSecret } from "@/lib/security/tokens";
import { isWellFormedToken } from "./token-format";

export type TokenActor = Extract<Actor, { kind: "token" }>;

/**
 * API-1/TOK-1: resolves a bearer token to an actor. The format and checksum are checked first (a typo or a
 * random string never reaches the database), then the hash. Revoked, expired and idle-disabled tokens are
 * refused, as is a token whose owner left the Organization. `lastUsedAt` is written at most once a minute.
 */
export async function authenticateApiToken(db: Db, token: string, meta: { ip?: string | null; userAgent?: string | null } = {}): Promise<TokenActor> {
  if (!isWellFormedToken(token)) throw new AppError("UNAUTHENTICATED");
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { id: true, userId: true, orgId: true, scopes: true, revokedAt: true, disabledAt: true, expiresAt: true, lastUsedAt: true },
  });
  const at = now();
  if (!row || row.revokedAt || row.disabledAt || (row.expiresAt && row.expiresAt <= at)) throw new AppError("UNAUTHENTICATED");
  if (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() >= MINUTE) {
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(at.getTime() - MINUTE) } }] },
      data: { lastUsedAt: at },
    });
  }
  return { kind: "token", tokenId: row.id, userId: row.userId, orgId: row.orgId, scopes: row.scopes, ip: meta.ip ?? null, userAgent: meta.userAgent ?? null };
}
