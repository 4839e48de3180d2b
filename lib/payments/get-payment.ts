import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const getPaymentSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  paymentId: z.string().min(1, "validation.required").max(64, "validation.invalid"),
});
export type GetPaymentInput = z.input<typeof getPaymentSchema>;

const ORDER_SELECT = { id: true, number: true, status: true, blockedAt: true } as const;

/**
 * One payment's status, for the page the operator sends the customer back to: it shows the status the
 * signed notification recorded and changes nothing (the redirect itself proves nothing). `held`: the money
 * arrived but the operator flagged it as suspicious, so the order it pays waits for an identity check
 * (IDV-4, BLOCKED) — received, not yet accepted; `cancelledOrder`: refunded because that order was cancelled.
 */
export async function getPayment(db: Db, actor: Actor, raw: GetPaymentInput) {
  const input = getPaymentSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.read");
    const payment = await tx.payment.findFirst({
      where: { id: input.paymentId, orgId: me.orgId },
      select: {
        id: true,
        status: true,
        failureCode: true,
        methodType: true,
        amountMinor: true,
        currency: true,
        createdAt: true,
        settledAt: true,
        orderId: true,
        invoice: { select: { id: true, number: true, status: true, orderId: true, order: { select: ORDER_SELECT } } },
        order: { select: ORDER_SELECT },
        method: { select: { label: true } },
      },
    });
    if (!payment) throw new AppError("NOT_FOUND");
    const order = payment.order ?? payment.invoice?.order ?? null;
    return {
      ...payment,
      order,
      held: payment.status === "SUCCEEDED" && order?.status === "BLOCKED",
      cancelledOrder: payment.status === "REFUNDED" && order?.status === "CANCELLED",
    };
  });
}

export type PaymentDetails = Awaited<ReturnType<typeof getPayment>>;
