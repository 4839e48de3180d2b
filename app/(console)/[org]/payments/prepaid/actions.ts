"use server";

import { redirect } from "next/navigation";
import { action } from "@/lib/http/action";
import { startTopUp, startTopUpSchema } from "@/lib/prepaid/start-top-up";

// Thin entry point (BIL-6): the service checks the amount and authorizes ("billing.pay"); the browser then
// goes to the operator's page, and the signed notification credits the balance once.
export const topUpAction = action(startTopUpSchema, async (input, { db, actor }) => {
  const { redirectUrl } = await startTopUp(db, actor, input);
  redirect(redirectUrl);
});
