"use server";

import { redirect } from "next/navigation";
import { action } from "@/lib/http/action";
import { startIbanTopUp } from "@/lib/prepaid/start-iban-top-up";
import { startTopUp, startTopUpSchema } from "@/lib/prepaid/start-top-up";

// Thin entry point (BIL-6): the service checks the amount and authorizes ("billing.pay"); the browser then
// goes to the operator's page, and the signed notification credits the balance once. By IBAN transfer it
// goes to the pro-forma to pay, credited when staff book the transfer.
export const topUpAction = action(startTopUpSchema, async (input, { db, actor }) => {
  const { redirectUrl } = input.method === "IBAN" ? await startIbanTopUp(db, actor, input) : await startTopUp(db, actor, input);
  redirect(redirectUrl);
});
