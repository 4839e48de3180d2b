import { systemJob } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { SUSPENDED_STEP, TERMINATED_STEP } from "./schedule";

const SETTLEMENT = systemJob("payment-notification");

/**
 * BIL-1: a suspended invoice was paid — its products are active again at once, except those another
 * suspended invoice still holds. A terminated product stays terminated.
 */
export async function liftSuspension(tx: Tx, invoiceId: string, at: Date): Promise<number> {
  const invoice = await tx.invoice.findUnique({ where: { id: invoiceId }, select: { orgId: true, dunningStep: true, lines: { select: { productId: true } } } });
  if (!invoice || invoice.dunningStep < SUSPENDED_STEP || invoice.dunningStep >= TERMINATED_STEP) return 0;
  const productIds = [...new Set(invoice.lines.map((l) => l.productId).filter((id): id is string => !!id))];
  const { count } = await tx.product.updateMany({
    where: {
      id: { in: productIds },
      status: "BLOCKED",
      invoiceLines: { none: { invoice: { id: { not: invoiceId }, status: "UNPAID", dunningStep: { gte: SUSPENDED_STEP } } } },
    },
    data: { status: "ACTIVE", blockedAt: null },
  });
  await audit(tx, SETTLEMENT, { action: "invoice.suspensionLifted", orgId: invoice.orgId, targetId: invoiceId, metadata: { products: count, at: at.toISOString() } });
  return count;
}
