"use server";

import { redirect } from "next/navigation";
import { action } from "@/lib/http/action";
import { startInvoicePayment, startInvoicePaymentSchema } from "@/lib/payments/start-invoice-payment";

// Thin entry point: the service authorizes ("billing.pay"); the browser then goes to the operator's page.
export const payInvoiceAction = action(startInvoicePaymentSchema, async (input, { db, actor }) => {
  const { redirectUrl } = await startInvoicePayment(db, actor, input);
  redirect(redirectUrl);
});
