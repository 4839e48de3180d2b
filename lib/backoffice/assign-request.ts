import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import { STAFF_PERMISSIONS } from "@/lib/access/permissions";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { StaffRole } from "@/lib/generated/prisma/enums";

export const assignRequestSchema = z.object({ requestId: z.string().trim().min(1).max(64), assigneeId: z.string().trim().min(1, "validation.required").max(64) });

/** The staff roles that may handle requests, for the reassignment picker and its check. */
export function handlerRoles(): StaffRole[] {
  return (Object.keys(STAFF_PERMISSIONS) as StaffRole[]).filter((r) => STAFF_PERMISSIONS[r].has("requests.handle"));
}

/** SUP-4: a supervisor hands an open request to another member of staff who may handle requests. */
export async function assignSupportRequest(db: Db, actor: Actor, raw: z.input<typeof assignRequestSchema>): Promise<void> {
  const staff = requireStaff(actor, "requests.assign");
  const input = assignRequestSchema.parse(raw);
  await db.$transaction(async (tx) => {
    const assignee = await tx.user.findFirst({ where: { id: input.assigneeId, staffRole: { in: handlerRoles() } }, select: { id: true } });
    if (!assignee) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { assigneeId: ["validation.invalid"] });
    const found = await tx.supportRequest.findFirst({ where: { id: input.requestId }, select: { id: true, orgId: true, status: true } });
    if (!found) throw new AppError("NOT_FOUND");
    if (found.status === "CLOSED") throw new AppError("CONFLICT", "support.errors.closed");
    await tx.supportRequest.update({ where: { id: found.id }, data: { handlerId: assignee.id, status: "IN_PROGRESS" } });
    await audit(tx, staff, { action: "supportRequest.assigned", orgId: found.orgId, targetId: found.id, metadata: { assigneeId: assignee.id } });
  });
}

/** The staff a supervisor may hand a request to. */
export async function listHandlers(db: Db, actor: Actor) {
  requireStaff(actor, "requests.assign");
  return db.user.findMany({ where: { staffRole: { in: handlerRoles() } }, orderBy: [{ lastName: "asc" }, { firstName: "asc" }], select: { id: true, firstName: true, lastName: true } });
}
