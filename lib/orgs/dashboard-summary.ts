import type { Actor } from "@/lib/access/actor";
import { allows, requireAccess } from "@/lib/access/require-access";
import { listActivity, type ActivityItem } from "@/lib/audit/list-activity";
import { DAY, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { visibleProductsWhere } from "@/lib/products/visible-products";
import { cappedCount } from "./capped-count";
import { dashboardAttention } from "./dashboard-attention";

/** The dashboard's "expiring soon" window, in days. */
export const EXPIRING_DAYS = 14;
/** How many entries of the activity log the dashboard shows. */
export const RECENT_ACTIVITY = 5;

/**
 * The Organization's dashboard: a card per thing the reader may handle (each leads to its page), what
 * needs attention first, and the latest activity — each part only when the reader's access allows it
 * (PRD-3 for products, billing.read for invoices and orders, users.read, audit.read). Every count reads
 * at most COUNT_CAP rows through an index, so a visit costs the same at 100,000 products (SEC-4: counts
 * are of what the reader sees, and of this Organization only).
 */
export async function dashboardSummary(db: Db, actor: Actor, orgId: string) {
  const access = await requireAccess(db, actor, orgId, "org.read");
  const t = now();
  const soon = new Date(t.getTime() + EXPIRING_DAYS * DAY);
  const visible = { ...visibleProductsWhere(access), status: { not: "TERMINATED" as const } };
  const products = allows(access, "products.read");
  const billing = allows(access, "billing.read");
  const [org, productCount, expiringCount, expiringSoon, pastDue, members, invoices, pendingOrders, attention, activity] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: access.orgId }, select: { id: true, name: true, currency: true, entityType: true, country: true } }),
    products ? cappedCount((take) => db.product.count({ where: visible, take })) : 0,
    products ? cappedCount((take) => db.product.count({ where: { ...visible, expiresAt: { gte: t, lte: soon } }, take })) : 0,
    products
      ? db.product.findMany({
          where: { ...visible, expiresAt: { gte: t, lte: soon } },
          orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
          take: 8,
          select: { id: true, name: true, expiresAt: true, autoRenew: true, category: { select: { code: true } } },
        })
      : [],
    products ? cappedCount((take) => db.product.count({ where: { ...visible, expiresAt: { lt: t } }, take })) : 0,
    allows(access, "users.read") ? cappedCount((take) => db.membership.count({ where: { orgId: access.orgId }, take })) : null,
    billing
      ? Promise.all([
          // Unpaid invoices are few (dunning ends them): their total is summed, their count capped like the others.
          db.invoice.aggregate({ where: { orgId: access.orgId, status: "UNPAID" }, _sum: { totalMinor: true } }),
          cappedCount((take) => db.invoice.count({ where: { orgId: access.orgId, status: "UNPAID" }, take })),
          cappedCount((take) => db.invoice.count({ where: { orgId: access.orgId, status: "UNPAID", dueAt: { lt: t } }, take })),
        ]).then(([agg, unpaidCount, overdueCount]) => ({ unpaidCount, unpaidTotalMinor: agg._sum.totalMinor ?? 0, overdueCount }))
      : null,
    billing ? cappedCount((take) => db.order.count({ where: { orgId: access.orgId, status: "PENDING" }, take })) : null,
    dashboardAttention(db, access, t),
    recentActivity(db, actor, access),
  ]);
  return {
    org,
    role: access.via === "membership" ? access.role : null,
    via: access.via,
    /** Null where the reader may not see the thing at all (no card), a capped count otherwise. */
    productCount: products ? productCount : null,
    expiringCount: products ? expiringCount : null,
    expiringSoon,
    pastDue: products ? pastDue : null,
    members,
    invoices,
    pendingOrders,
    /** Where "expiring soon" leads: the payments page (BIL-2) for those who order renewals, the products list otherwise. */
    canOrderRenewals: allows(access, "billing.order"),
    attention,
    activity,
  };
}

/** The latest entries of the activity log, for those who may read it (members only, like the log's page). */
async function recentActivity(db: Db, actor: Actor, access: Awaited<ReturnType<typeof requireAccess>>): Promise<ActivityItem[] | null> {
  if (access.via !== "membership" || !allows(access, "audit.read")) return null;
  const page = await listActivity(db, actor, { orgId: access.orgId, perPage: RECENT_ACTIVITY });
  return page.items;
}

export type DashboardSummary = Awaited<ReturnType<typeof dashboardSummary>>;
