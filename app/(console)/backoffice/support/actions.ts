"use server";

import { revalidatePath } from "next/cache";
import { assignRequestSchema, assignSupportRequest } from "@/lib/backoffice/assign-request";
import { closeAsStaff, staffCloseSchema } from "@/lib/backoffice/close-request";
import { replyAsStaff, staffReplySchema } from "@/lib/backoffice/staff-reply";
import { takeRequestSchema, takeSupportRequest } from "@/lib/backoffice/take-request";
import { action } from "@/lib/http/action";

const refresh = (requestId: string) => {
  revalidatePath("/backoffice/support");
  revalidatePath(`/backoffice/support/${requestId}`);
};

/** SUP-4: take an open request; the service checks the staff table. */
export const takeRequestAction = action(takeRequestSchema, async (input, { db, actor }) => {
  await takeSupportRequest(db, actor, input);
  refresh(input.requestId);
});

/** SUP-4: the handling staff reply; the requester is e-mailed. */
export const replyAsStaffAction = action(staffReplySchema, async (input, { db, actor }) => {
  const res = await replyAsStaff(db, actor, input);
  refresh(input.requestId);
  return res;
});

/** SUP-4: a supervisor hands a request to another agent. */
export const assignRequestAction = action(assignRequestSchema, async (input, { db, actor }) => {
  await assignSupportRequest(db, actor, input);
  refresh(input.requestId);
});

/** SUP-4: the handling staff (or a supervisor) close the request with a reason; the requester is e-mailed. */
export const closeAsStaffAction = action(staffCloseSchema, async (input, { db, actor }) => {
  await closeAsStaff(db, actor, input);
  refresh(input.requestId);
});
