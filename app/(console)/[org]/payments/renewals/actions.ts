"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { setAutoRenewal, setAutoRenewalSchema } from "@/lib/renewals/set-auto-renewal";

// Thin entry point: the service authorizes (billing.pay, PRD-3) and answers per product.
export const setAutoRenewalAction = action(setAutoRenewalSchema, async (input, { db, actor }) => {
  const result = await setAutoRenewal(db, actor, input);
  revalidatePath(`/${input.orgId}/payments/renewals`);
  return result;
});
