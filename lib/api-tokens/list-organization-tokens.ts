import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { now } from "@/lib/clock";
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { TOKEN_ROW_SELECT, tokenStatus } from "./list-api-tokens";

export const listOrganizationTokensSchema = z.object({ orgId: z.string().trim().min(1, "validation.required").max(64) });
export type ListOrganizationTokensInput = z.input<typeof listOrganizationTokensSchema>;

/** The tokens that can act in `orgId`: their owner is a member, and they are unrestricted or restricted to it. */
export function tokensActingIn(orgId: string): Prisma.ApiTokenWhereInput {
  return {
    user: { memberships: { some: { orgId } } },
    OR: [{ organizations: { none: {} } }, { organizations: { some: { orgId } } }],
  };
}

/**
 * TOK-4, API-6: for those who oversee the Organization's tokens (legal representatives), every active
 * token that can act in it — whoever owns it — with its owner, scopes and last use, newest first.
 */
export async function listOrganizationTokens(db: Db | Tx, actor: Actor, raw: ListOrganizationTokensInput) {
  const { orgId } = listOrganizationTokensSchema.parse(raw);
  await requireMember(db as Tx, actor, orgId, "tokens.oversee");
  const at = now();
  const rows = await db.apiToken.findMany({
    where: { revokedAt: null, disabledAt: null, AND: [tokensActingIn(orgId), { OR: [{ expiresAt: null }, { expiresAt: { gt: at } }] }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      ...TOKEN_ROW_SELECT,
      user: { select: { id: true, firstName: true, lastName: true, email: true } },
      organizations: { select: { orgId: true } },
    },
  });
  return rows.map(({ organizations, ...r }) => ({ ...r, restricted: organizations.length > 0, status: tokenStatus(r, at) }));
}
