"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action } from "@/lib/http/action";
import { startInvoicePayment, startInvoicePaymentSchema } from "@/lib/payments/start-invoice-payment";
import { payFromPrepaid, payFromPrepaidSchema } from "@/lib/prepaid/pay-from-prepaid";

// Thin entry point: the service authorizes ("billing.pay"); the browser then goes to the operator's page.
export const payInvoiceAction = action(startInvoicePaymentSchema, async (input, { db, actor }) => {
  const { redirectUrl } = await startInvoicePayment(db, actor, input);
  redirect(redirectUrl);
});

// BIL-5: "Pay from my prepaid account" — the service authorizes ("billing.pay") and spends once per key;
// the page then shows what remains due for the pay form.
export const payFromPrepaidAction = action(payFromPrepaidSchema, async (input, { db, actor }) => {
  const result = await payFromPrepaid(db, actor, input);
  revalidatePath(`/${input.orgId}/invoices/${input.invoiceId}`);
  return result;
});
