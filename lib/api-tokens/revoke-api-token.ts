import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { actorUserId } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const revokeApiTokenSchema = z.object({
  orgId: z.string().trim().min(1, "validation.required").max(64),
  tokenId: z.string().trim().min(1, "validation.required").max(64),
});
export type RevokeApiTokenInput = z.input<typeof revokeApiTokenSchema>;

/** TOK-4: revokes one of the actor's tokens at once; it is refused from the next request on. */
export async function revokeApiToken(db: Db, actor: Actor, raw: RevokeApiTokenInput): Promise<{ revoked: boolean }> {
  const { orgId, tokenId } = revokeApiTokenSchema.parse(raw);
  return db.$transaction(async (tx) => {
    await requireMember(tx, actor, orgId, "tokens.manage");
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, orgId, userId: actorUserId(actor)! }, select: { id: true, name: true, revokedAt: true } });
    if (!token) throw new AppError("NOT_FOUND");
    if (token.revokedAt) return { revoked: false };
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now() } });
    await audit(tx, actor, { action: "apiToken.revoked", orgId, targetId: token.id, metadata: { name: token.name } });
    return { revoked: true };
  });
}
