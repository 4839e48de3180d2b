import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { activeGrantWhere, SUPPORT_GRANT_MS, TOGGLED_SCOPES } from "./grant-rules";

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

export const setSupportAccessSchema = z.object({
  orgId: z.string().trim().min(1, "validation.required").max(64),
  scope: z.enum(TOGGLED_SCOPES, { message: "validation.invalid" }),
  enabled: checkbox,
});

/**
 * SUP-1, SUP-2: turns support's access to one content of one Organization on (for 7 days) or off (at
 * once). Turning it on again while it is on keeps the running grant; turning it off ends every grant of
 * that content the person gave there. Each change goes to the Organization's activity log.
 */
export async function setSupportAccess(db: Db, actor: Actor, raw: z.input<typeof setSupportAccessSchema>) {
  const input = setSupportAccessSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "support.grant");
    const at = now();
    const running = await tx.supportGrant.findFirst({ where: { userId: me.userId, orgId: me.orgId, scope: input.scope, ...activeGrantWhere(at) }, select: { id: true, expiresAt: true } });
    if (input.enabled) {
      if (running) return { enabled: true, expiresAt: running.expiresAt };
      const grant = await tx.supportGrant.create({ data: { orgId: me.orgId, userId: me.userId, scope: input.scope, createdAt: at, expiresAt: new Date(at.getTime() + SUPPORT_GRANT_MS) } });
      await audit(tx, actor, { action: "support.accessGranted", orgId: me.orgId, targetId: grant.id, metadata: { scope: input.scope, expiresAt: grant.expiresAt.toISOString() } });
      return { enabled: true, expiresAt: grant.expiresAt };
    }
    const ended = await tx.supportGrant.updateMany({ where: { userId: me.userId, orgId: me.orgId, scope: input.scope, ...activeGrantWhere(at) }, data: { revokedAt: at } });
    if (ended.count > 0 && running) await audit(tx, actor, { action: "support.accessRevoked", orgId: me.orgId, targetId: running.id, metadata: { scope: input.scope } });
    return { enabled: false, expiresAt: null };
  });
}
