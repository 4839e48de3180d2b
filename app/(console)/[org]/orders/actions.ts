"use server";

import { redirect } from "next/navigation";
import { action } from "@/lib/http/action";
import { resendUnblockProcedure, resendUnblockProcedureSchema } from "@/lib/orders/resend-unblock-procedure";
import { startOrderPayment, startOrderPaymentSchema } from "@/lib/orders/start-order-payment";
import { switchOrderToInvoice, switchOrderToInvoiceSchema } from "@/lib/orders/switch-to-invoice";

// Thin entry points: the services authorize ("billing.pay").

/** BIL-4: "Pay the order" — the browser then goes to the operator's hosted page. */
export const payOrderAction = action(startOrderPaymentSchema, async (input, { db, actor }) => {
  const { redirectUrl } = await startOrderPayment(db, actor, input);
  redirect(redirectUrl);
});

/** BIL-5: "pay by card instead" — the pro-forma gives way to an invoice; the order's page then offers to pay it. */
export const switchToInvoiceAction = action(switchOrderToInvoiceSchema, async (input, { db, actor }) => {
  await switchOrderToInvoice(db, actor, input);
  redirect(`/${input.orgId}/orders/${input.orderId}`);
});

/** IDV-4: "resend the procedure" from the red banner. */
export const resendProcedureAction = action(resendUnblockProcedureSchema, async (input, { db, actor }) => resendUnblockProcedure(db, actor, input));
