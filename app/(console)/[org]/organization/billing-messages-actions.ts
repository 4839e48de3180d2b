"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { updateBillingMessages, updateBillingMessagesSchema } from "@/lib/renewals/update-billing-messages";

// BIL-10: each change of the billing messages is saved on its own (the service authorizes, billing.pay).
export const updateBillingMessagesAction = action(updateBillingMessagesSchema, async (input, { db, actor }) => {
  const saved = await updateBillingMessages(db, actor, input);
  revalidatePath(`/${input.orgId}/organization`);
  return saved;
});
