import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestsWhere } from "./request-scope";

export const closeRequestSchema = z.object({ orgId: z.string().trim().min(1).max(64), requestId: z.string().trim().min(1).max(64) });

/**
 * SUP-4 (customer side): the customer closes a request. Its handler then no longer reads the
 * Organization's content through it (requireAccess asks for a request that is not closed).
 */
export async function closeSupportRequest(db: Db, actor: Actor, raw: z.input<typeof closeRequestSchema>): Promise<void> {
  const input = closeRequestSchema.parse(raw);
  await db.$transaction(async (tx) => {
    const me = await requireMember(tx, actor, input.orgId, "support.request");
    const found = await tx.supportRequest.findFirst({ where: { AND: [{ id: input.requestId }, requestsWhere(me)] }, select: { id: true, status: true } });
    if (!found) throw new AppError("NOT_FOUND");
    const closed = await tx.supportRequest.updateMany({ where: { id: found.id, status: { not: "CLOSED" } }, data: { status: "CLOSED", closedAt: now() } });
    if (closed.count === 0) return;
    await audit(tx, me.actor, { action: "supportRequest.closed", orgId: me.orgId, targetId: found.id });
  });
}
