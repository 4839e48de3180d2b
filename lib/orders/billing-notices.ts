import type { Actor } from "@/lib/access/actor";
import { allows, requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { SUSPENDED_STEP, TERMINATED_STEP } from "@/lib/dunning/schedule";
import { blockedOrderCancelsAt } from "./rules";

export type BillingNotices = {
  /** IDV-4: blocked orders, for those who handle billing ("resend the procedure" needs billing.pay). */
  blockedOrders: { id: string; number: string; cancelAt: Date }[];
  canResend: boolean;
  /** BIL-1: how many products are suspended for an unpaid invoice, and the invoices to pay (billing readers only). */
  suspendedProducts: number;
  unpaidInvoices: { id: string; number: string }[];
};

/**
 * The red banners of the console (IDV-4, BIL-1), in two small indexed reads: everyone in the Organization
 * sees that products are suspended; the invoices to pay and the blocked orders are shown to those who
 * read billing.
 */
export async function getBillingNotices(db: Db, actor: Actor, orgId: string): Promise<BillingNotices> {
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, orgId, "org.read");
    const billing = allows(me, "billing.read");
    const [blocked, suspendedProducts, invoices] = await Promise.all([
      billing ? tx.order.findMany({ where: { orgId: me.orgId, status: "BLOCKED" }, select: { id: true, number: true, blockedAt: true }, orderBy: { createdAt: "asc" }, take: 5 }) : [],
      tx.product.count({ where: { orgId: me.orgId, status: "BLOCKED" } }),
      billing
        ? tx.invoice.findMany({ where: { orgId: me.orgId, status: "UNPAID", dunningStep: { gte: SUSPENDED_STEP, lt: TERMINATED_STEP } }, select: { id: true, number: true }, orderBy: { dueAt: "asc" }, take: 5 })
        : [],
    ]);
    return {
      blockedOrders: blocked.map((o) => ({ id: o.id, number: o.number, cancelAt: blockedOrderCancelsAt(o.blockedAt ?? new Date(0)) })),
      canResend: allows(me, "billing.pay"),
      suspendedProducts,
      unpaidInvoices: invoices,
    };
  });
}
