import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { actorUserId } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { grantableScopes } from "./scopes";

export const listApiTokensSchema = z.object({ orgId: z.string().trim().min(1, "validation.required").max(64) });
export type ListApiTokensInput = z.input<typeof listApiTokensSchema>;

export type ApiTokenStatus = "active" | "revoked" | "expired" | "disabled";

export function tokenStatus(t: { revokedAt: Date | null; disabledAt: Date | null; expiresAt: Date | null }, at = now()): ApiTokenStatus {
  if (t.revokedAt) return "revoked";
  if (t.disabledAt) return "disabled";
  if (t.expiresAt && t.expiresAt <= at) return "expired";
  return "active";
}

/** TOK-4: the actor's own tokens for this Organization, newest first, with their status; and the scopes they may grant. */
export async function listApiTokens(db: Db, actor: Actor, raw: ListApiTokensInput) {
  const { orgId } = listApiTokensSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireMember(tx, actor, orgId, "tokens.manage");
    const rows = await tx.apiToken.findMany({
      where: { orgId, userId: actorUserId(actor)! },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, name: true, displayPrefix: true, scopes: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true, disabledAt: true },
    });
    const at = now();
    return {
      tokens: rows.map((r) => ({ ...r, status: tokenStatus(r, at) })),
      grantableScopes: grantableScopes(access.role),
    };
  });
}
