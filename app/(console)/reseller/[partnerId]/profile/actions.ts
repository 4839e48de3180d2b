"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { updatePartnerProfile, updatePartnerProfileSchema } from "@/lib/partners/update-profile";

/** PRT-1: the partner's directory profile and choices; the service checks the legal representative. */
export const updatePartnerProfileAction = action(updatePartnerProfileSchema, async (input, { db, actor }) => {
  await updatePartnerProfile(db, actor, input);
  revalidatePath(`/reseller/${input.partnerId}/profile`);
});
