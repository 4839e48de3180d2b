"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { applyToProgramme, applyToProgrammeSchema } from "@/lib/partners/apply-to-programme";
import { setAffiliate, setAffiliateSchema } from "@/lib/partners/set-affiliate";

/** PRT-1: apply to the partner programme; the service checks the legal representative and the rules. */
export const applyToProgrammeAction = action(applyToProgrammeSchema, async (input, { db, actor }) => {
  await applyToProgramme(db, actor, input);
  revalidatePath(`/${input.orgId}/partner-programme`);
});

/** PRT-1: join or leave the affiliate programme; the service checks the legal representative and that a partner is no affiliate. */
export const setAffiliateAction = action(setAffiliateSchema, async (input, { db, actor }) => {
  await setAffiliate(db, actor, input);
  revalidatePath(`/${input.orgId}/partner-programme`);
});
