"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { endPartnershipAsPartner, endPartnershipAsPartnerSchema } from "@/lib/partners/end-partnership";

/** PRT-7: the partner ends a partnership from its reseller area. */
export const endClientPartnershipAction = action(endPartnershipAsPartnerSchema, async (input, { db, actor }) => {
  const result = await endPartnershipAsPartner(db, actor, input);
  revalidatePath("/reseller");
  return result;
});
