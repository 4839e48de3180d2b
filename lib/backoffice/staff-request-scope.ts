import type { StaffActor } from "@/lib/access/actor";
import { staffCan } from "@/lib/access/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * SUP-3, SUP-4: the support requests a member of staff may open in the back office — those nobody has
 * taken yet and their own; staff whose role may reassign requests (supervisors) see every request. Once
 * another agent handles a request, it does not exist for this one.
 */
export function staffRequestWhere(staff: StaffActor): Prisma.SupportRequestWhereInput {
  if (staffCan(staff.staffRole, "requests.assign")) return {};
  return { OR: [{ status: "OPEN", handlerId: null }, { handlerId: staff.userId }] };
}
