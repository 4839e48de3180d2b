"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { closeRequestSchema, closeSupportRequest } from "@/lib/support-requests/close-request";

/** SUP-4: the customer closes their request; the service checks who follows it. */
export const closeRequestAction = action(closeRequestSchema, async (input, { db, actor }) => {
  await closeSupportRequest(db, actor, input);
  revalidatePath(`/${input.orgId}/support/${input.requestId}`);
});
