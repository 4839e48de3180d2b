import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { paymentOperator } from "@/lib/payments/operator";
import type { StartedPayment } from "@/lib/payments/start-invoice-payment";

/** BIL-6: one deposit is 0.10 to 9,999.00 in the Organization's currency. */
export const TOP_UP_MIN_MINOR = 10;
export const TOP_UP_MAX_MINOR = 999_900;

/**
 * BIL-6: how a deposit is paid — on the operator's page (a PostFinance card in CHF only), or by IBAN
 * transfer against a pro-forma (start-iban-top-up.ts).
 */
export const TOP_UP_METHODS = ["CARD", "POSTFINANCE", "IBAN"] as const;

export const startTopUpSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  amount: z.string().trim().regex(/^\d{1,7}([.,]\d{1,2})?$/, "prepaid.errors.topUpRange"),
  method: z.enum(TOP_UP_METHODS, { message: "prepaid.errors.chooseMethod" }),
  idempotencyKey: z.string().uuid("validation.invalid"),
});
export type StartTopUpInput = z.input<typeof startTopUpSchema>;

function toMinor(amount: string): number {
  const [units, cents = ""] = amount.replace(",", ".").split(".");
  return Number(units) * 100 + Number(cents.padEnd(2, "0"));
}

/** The deposit in minor units; outside 0.10 … 9,999.00 it is refused with a message on the field (BIL-6). */
export function topUpAmountMinor(amount: string): number {
  const amountMinor = toMinor(amount);
  if (amountMinor < TOP_UP_MIN_MINOR || amountMinor > TOP_UP_MAX_MINOR) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { amount: ["prepaid.errors.topUpRange"] });
  return amountMinor;
}

/**
 * BIL-6: tops up the prepaid account by card or PostFinance card (CHF only) through the operator's page;
 * the ledger is credited when the signed notification confirms the payment (receive-notification.ts).
 * Amounts outside 0.10 … 9,999.00 are refused with a message on the field.
 */
export async function startTopUp(db: Db, actor: Actor, raw: StartTopUpInput): Promise<StartedPayment> {
  const input = startTopUpSchema.parse(raw);
  const amountMinor = topUpAmountMinor(input.amount);
  // An IBAN transfer has no operator's page: it is started by startIbanTopUp.
  if (input.method === "IBAN") throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { method: ["prepaid.errors.chooseMethod"] });
  const payment = await db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.pay");
    const org = await tx.organization.findUniqueOrThrow({ where: { id: me.orgId }, select: { currency: true } });
    if (input.method === "POSTFINANCE" && org.currency !== "CHF") throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { method: ["billing.postFinanceChfOnly"] });
    await tx.payment.createMany({
      data: [{ orgId: me.orgId, methodType: input.method, amountMinor, currency: org.currency, idempotencyKey: input.idempotencyKey }],
      skipDuplicates: true,
    });
    const p = await tx.payment.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
    if (p.orgId !== me.orgId || p.invoiceId || p.orderId) throw new AppError("CONFLICT");
    return p;
  });
  const statusUrl = `/${payment.orgId}/payments/${payment.id}`;
  if (payment.status !== "PENDING") return { paymentId: payment.id, redirectUrl: statusUrl };
  const operator = paymentOperator();
  if (payment.providerRef) return { paymentId: payment.id, redirectUrl: operator.checkoutUrl(payment.providerRef) };
  const checkout = await operator.createCheckout({
    reference: payment.id,
    idempotencyKey: payment.idempotencyKey,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    method: input.method,
    description: "Prepaid account top-up",
    returnUrl: statusUrl,
  });
  await db.payment.updateMany({ where: { id: payment.id, providerRef: null }, data: { providerRef: checkout.operatorRef } });
  return { paymentId: payment.id, redirectUrl: checkout.redirectUrl };
}
