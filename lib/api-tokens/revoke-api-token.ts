import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { actorUserId } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { tokensActingIn } from "./list-organization-tokens";

export const revokeApiTokenSchema = z.object({
  tokenId: z.string().trim().min(1, "validation.required").max(64),
  /** Revoking as the Organization's overseer (legal representative): any token that can act in it. */
  orgId: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(64).optional()),
});
export type RevokeApiTokenInput = z.input<typeof revokeApiTokenSchema>;

/**
 * TOK-4: revokes a token at once; it is refused from the next request on. The owner revokes their own;
 * with `orgId`, a legal representative revokes any token that can act in that Organization.
 */
export async function revokeApiToken(db: Db, actor: Actor, raw: RevokeApiTokenInput): Promise<{ revoked: boolean }> {
  const { orgId, tokenId } = revokeApiTokenSchema.parse(raw);
  const userId = actorUserId(actor);
  if (actor.kind !== "user" || !userId) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    if (orgId) await requireMember(tx, actor, orgId, "tokens.oversee");
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, ...(orgId ? tokensActingIn(orgId) : { userId }) },
      select: { id: true, name: true, revokedAt: true, userId: true },
    });
    if (!token) throw new AppError("NOT_FOUND");
    if (token.revokedAt) return { revoked: false };
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now() } });
    await audit(tx, actor, { action: "apiToken.revoked", orgId: orgId ?? null, targetId: token.id, metadata: { name: token.name, ownerId: token.userId } });
    return { revoked: true };
  });
}
