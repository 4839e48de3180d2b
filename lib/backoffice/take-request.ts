import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { staffRequestWhere } from "./staff-request-scope";

export const takeRequestSchema = z.object({ requestId: z.string().trim().min(1).max(64) });

/**
 * SUP-4: a member of staff takes an open request nobody handles; they become "the staff handling the
 * request" (SUP-3). Two agents taking it at once: one wins, the other gets CONFLICT.
 */
export async function takeSupportRequest(db: Db, actor: Actor, raw: z.input<typeof takeRequestSchema>): Promise<void> {
  const staff = requireStaff(actor, "requests.handle");
  const input = takeRequestSchema.parse(raw);
  await db.$transaction(async (tx) => {
    const found = await tx.supportRequest.findFirst({ where: { AND: [{ id: input.requestId }, staffRequestWhere(staff)] }, select: { id: true, orgId: true } });
    if (!found) throw new AppError("NOT_FOUND");
    const taken = await tx.supportRequest.updateMany({ where: { id: found.id, status: "OPEN", handlerId: null }, data: { handlerId: staff.userId, status: "IN_PROGRESS" } });
    if (taken.count !== 1) throw new AppError("CONFLICT", "backofficeSupport.errors.alreadyTaken");
    await audit(tx, staff, { action: "supportRequest.taken", orgId: found.orgId, targetId: found.id });
  });
}
