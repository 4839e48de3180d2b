import type { Actor } from "@/lib/access/actor";
import { allows, requireAccess } from "@/lib/access/require-access";
import { directQuery, type Db } from "@/lib/db";
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

type NoticesRow = {
  suspended: number;
  blocked: { id: string; number: string; blockedAt: number | null }[];
  invoices: { id: string; number: string }[];
};

/**
 * The red banners of the console (IDV-4, BIL-1), read on every console page: one statement of three
 * small indexed reads, outside any transaction and Prisma's pipeline (`directQuery`; the banners are a
 * snapshot; nothing is written). `blockedAt` comes back as epoch ms, never as a local-time timestamp.
 * Everyone in the Organization sees that products are suspended; the invoices to pay and the blocked
 * orders are shown to those who read billing.
 */
export async function getBillingNotices(db: Db, actor: Actor, orgId: string): Promise<BillingNotices> {
  const me = await requireAccess(db, actor, orgId, "org.read");
  const billing = allows(me, "billing.read");
  const [row] = await directQuery<NoticesRow>(
    db,
    `SELECT (SELECT count(*)::int FROM "Product" WHERE "orgId" = $1 AND status = 'BLOCKED') AS suspended,
            CASE WHEN $2 THEN (
              SELECT coalesce(json_agg(json_build_object('id', o.id, 'number', o.number, 'blockedAt', (extract(epoch FROM o."blockedAt") * 1000)::bigint) ORDER BY o."createdAt"), '[]'::json)
              FROM (SELECT id, number, "blockedAt", "createdAt" FROM "Order" WHERE "orgId" = $1 AND status = 'BLOCKED' ORDER BY "createdAt" LIMIT 5) o
            ) ELSE '[]'::json END AS blocked,
            CASE WHEN $2 THEN (
              SELECT coalesce(json_agg(json_build_object('id', i.id, 'number', i.number) ORDER BY i."dueAt"), '[]'::json)
              FROM (SELECT id, number, "dueAt" FROM "Invoice"
                    WHERE "orgId" = $1 AND status = 'UNPAID' AND "dunningStep" >= $3 AND "dunningStep" < $4
                    ORDER BY "dueAt" LIMIT 5) i
            ) ELSE '[]'::json END AS invoices`,
    [me.orgId, billing, SUSPENDED_STEP, TERMINATED_STEP],
  );
  return {
    blockedOrders: row.blocked.map((o) => ({ id: o.id, number: o.number, cancelAt: blockedOrderCancelsAt(o.blockedAt ? new Date(o.blockedAt) : new Date(0)) })),
    canResend: allows(me, "billing.pay"),
    suspendedProducts: row.suspended,
    unpaidInvoices: row.invoices,
  };
}
