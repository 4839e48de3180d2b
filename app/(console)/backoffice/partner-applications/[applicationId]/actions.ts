"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { decideApplicationSchema, decidePartnerApplication } from "@/lib/partners/decide-application";

/** PRT-1: approve or reject an application; the service checks the staff role. */
export const decidePartnerApplicationAction = action(decideApplicationSchema, async (input, { db, actor }) => {
  const res = await decidePartnerApplication(db, actor, input);
  revalidatePath(`/backoffice/partner-applications/${input.applicationId}`);
  revalidatePath("/backoffice/partner-applications");
  return res;
});
