"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { decideVerification, decideVerificationSchema } from "@/lib/identity/decide-case";

/** IDV-2: approve or reject a case; the service checks that the actor is staff. */
export const decideVerificationAction = action(decideVerificationSchema, async (input, { db, actor }) => {
  const res = await decideVerification(db, actor, input);
  revalidatePath(`/backoffice/verifications/${input.caseId}`);
  revalidatePath("/backoffice/verifications");
  return res;
});
