import { systemJob } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import type { PaymentMethodType } from "@/lib/generated/prisma/enums";
import { AUTO_RENEW_METHOD_TYPES } from "./schedule";

const OPERATOR = systemJob("payment-notification");

/**
 * BIL-8: an order or a renewal paid with a supported card (CB, Visa, MasterCard) or a saved Twint profile
 * turns auto-renewal on for its products, with that method. Called once, in the transaction that settles
 * the payment; PayPal, PostFinance, transfers and prepaid leave the products as they were. Products that
 * already renew by themselves keep their method; terminated ones are left alone.
 */
export async function enableAutoRenewAfterPayment(
  tx: Tx,
  payment: { id: string; orgId: string; invoiceId: string | null; orderId: string | null },
  methodType: PaymentMethodType,
  methodId: string | null,
): Promise<number> {
  if (!methodId || !AUTO_RENEW_METHOD_TYPES.includes(methodType)) return 0;
  const lineOf = [
    ...(payment.invoiceId ? [{ invoiceLines: { some: { invoiceId: payment.invoiceId } } }] : []),
    ...(payment.orderId ? [{ orderLines: { some: { orderId: payment.orderId } } }] : []),
  ];
  if (!lineOf.length) return 0;
  const products = await tx.product.findMany({
    where: { orgId: payment.orgId, autoRenew: false, status: { not: "TERMINATED" }, OR: lineOf },
    select: { id: true },
  });
  if (!products.length) return 0;
  await tx.product.updateMany({ where: { id: { in: products.map((p) => p.id) } }, data: { autoRenew: true, autoRenewMethodId: methodId } });
  for (const p of products) {
    await audit(tx, OPERATOR, { action: "product.autoRenewEnabled", orgId: payment.orgId, targetId: p.id, metadata: { methodId, paymentId: payment.id } });
  }
  return products.length;
}
