import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { activeGrantWhere } from "./grant-rules";

export const revokeGrantSchema = z.object({
  orgId: z.string().trim().min(1, "validation.required").max(64),
  grantId: z.string().trim().min(1, "validation.required").max(64),
});

/** SUP-2: ends one of the person's own grants at once (e.g. a single shared e-mail). */
export async function revokeGrant(db: Db, actor: Actor, raw: z.input<typeof revokeGrantSchema>) {
  const input = revokeGrantSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "support.grant");
    const at = now();
    const grant = await tx.supportGrant.findFirst({ where: { id: input.grantId, userId: me.userId, orgId: me.orgId, ...activeGrantWhere(at) }, select: { id: true, scope: true } });
    if (!grant) throw new AppError("NOT_FOUND");
    await tx.supportGrant.update({ where: { id: grant.id }, data: { revokedAt: at } });
    await audit(tx, actor, { action: "support.accessRevoked", orgId: me.orgId, targetId: grant.id, metadata: { scope: grant.scope } });
    return { revoked: true };
  });
}
