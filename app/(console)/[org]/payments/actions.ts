"use server";

import { redirect } from "next/navigation";
import { action } from "@/lib/http/action";
import { placeRenewalOrder, placeRenewalOrderSchema } from "@/lib/orders/place-renewal-order";
import { startInvoicePayment } from "@/lib/payments/start-invoice-payment";

// Thin entry point (BIL-2): one order and one invoice for the selection, then the operator's page. The
// services authorize ("billing.order", "billing.pay" for the method, and each product through PRD-3); the
// same key makes a retry a no-op.
export const payRenewalsAction = action(placeRenewalOrderSchema, async (input, { db, actor }) => {
  const placed = await placeRenewalOrder(db, actor, input);
  // PRT-5: a partner ordering for a client that pays itself chooses no method (the service refuses one):
  // the order waits in the client's pending orders (BIL-4), and the partner is told so.
  if (!input.method) redirect(`/${input.orgId}/payments?placed=1`);
  // IBAN: the pro-forma invoice carries the bank details (and a Swiss QR-bill in CHF).
  if (input.method === "IBAN") redirect(`/${placed.orgId}/invoices/${placed.invoiceId}`);
  const { redirectUrl } = await startInvoicePayment(db, actor, { orgId: placed.orgId, invoiceId: placed.invoiceId, method: input.method, idempotencyKey: input.idempotencyKey });
  redirect(redirectUrl);
});
