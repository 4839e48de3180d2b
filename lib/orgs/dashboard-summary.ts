import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { allows, requireAccess } from "@/lib/access/require-access";
import { DAY, now } from "@/lib/clock";
import { visibleProductsWhere } from "@/lib/products/visible-products";

/** The dashboard's figures, scoped to what the actor may see (PRD-3, billing rights). */
export async function dashboardSummary(db: Db, actor: Actor, orgId: string) {
  const access = await requireAccess(db, actor, orgId, "org.read");
  const t = now();
  const soon = new Date(t.getTime() + 14 * DAY);
  const visible = visibleProductsWhere(access);
  const [org, productCount, expiringSoon, pastDue] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { id: true, name: true, currency: true, entityType: true, country: true } }),
    db.product.count({ where: { ...visible, status: { not: "TERMINATED" } } }),
    db.product.findMany({
      where: { ...visible, status: { not: "TERMINATED" }, expiresAt: { gte: t, lte: soon } },
      orderBy: { expiresAt: "asc" },
      take: 8,
      select: { id: true, name: true, expiresAt: true, autoRenew: true, category: { select: { code: true } } },
    }),
    db.product.count({ where: { ...visible, expiresAt: { lt: t }, status: { not: "TERMINATED" } } }),
  ]);
  let invoices: { unpaidCount: number; unpaidTotalMinor: number; overdueCount: number } | null = null;
  if (allows(access, "billing.read")) {
    const [agg, overdueCount] = await Promise.all([
      db.invoice.aggregate({ where: { orgId, status: "UNPAID" }, _count: true, _sum: { totalMinor: true } }),
      db.invoice.count({ where: { orgId, status: "UNPAID", dueAt: { lt: t } } }),
    ]);
    invoices = { unpaidCount: agg._count, unpaidTotalMinor: agg._sum.totalMinor ?? 0, overdueCount };
  }
  return { org, role: access.via === "membership" ? access.role : null, via: access.via, productCount, expiringSoon, pastDue, invoices };
}
