import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { seesEveryProduct, visibleProductsWhere } from "@/lib/products/visible-products";
import { addMonths } from "./schedule";

export type ForecastMonth = { month: string; amountMinor: number; renewals: number };

/** The 12 calendar months from the current one, as "YYYY-MM" (UTC). */
function months(from: Date): string[] {
  const start = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  return Array.from({ length: 12 }, (_, i) => addMonths(start, i).toISOString().slice(0, 7));
}

/**
 * The renewals due in the next 12 months (this month included), amount per month before VAT, in the
 * Organization's currency: every live product renews at its expiry, then every renewal period after.
 * One aggregate statement in PostgreSQL for whoever sees every product (100,000 products stay one query);
 * a member limited by grants gets the same sum over the products they see.
 */
export async function renewalForecast(db: Db, actor: Actor, input: { orgId: string }): Promise<{ currency: string; months: ForecastMonth[] }> {
  const access = await requireAccess(db, actor, input.orgId, "billing.read");
  const at = now();
  const keys = months(at);
  const end = addMonths(new Date(`${keys[0]}-01T00:00:00Z`), 12);
  const org = await db.organization.findUniqueOrThrow({ where: { id: access.orgId }, select: { currency: true } });
  const totals = new Map<string, { amountMinor: number; renewals: number }>();
  if (seesEveryProduct(access)) {
    const rows = await db.$queryRaw<{ month: string; amount: bigint; renewals: number }[]>`
      SELECT to_char(r.at, 'YYYY-MM') AS month, sum(p."priceMinor")::bigint AS amount, count(*)::int AS renewals
      FROM "Product" p
      CROSS JOIN LATERAL generate_series(p."expiresAt", ${end}::timestamp, make_interval(months => greatest(p."renewalPeriodMonths", 1))) AS r(at)
      WHERE p."orgId" = ${access.orgId} AND p.status <> 'TERMINATED' AND p."expiresAt" >= ${at} AND p."expiresAt" < ${end} AND r.at < ${end}
      GROUP BY 1`;
    for (const r of rows) totals.set(r.month, { amountMinor: Number(r.amount), renewals: r.renewals });
  } else {
    const products = await db.product.findMany({
      where: { AND: [visibleProductsWhere(access), { status: { not: "TERMINATED" }, expiresAt: { gte: at, lt: end } }] },
      select: { expiresAt: true, renewalPeriodMonths: true, priceMinor: true },
    });
    for (const p of products) {
      for (let due = p.expiresAt, i = 1; due < end; due = addMonths(p.expiresAt, Math.max(p.renewalPeriodMonths, 1) * i++)) {
        const key = due.toISOString().slice(0, 7);
        const t = totals.get(key) ?? { amountMinor: 0, renewals: 0 };
        totals.set(key, { amountMinor: t.amountMinor + p.priceMinor, renewals: t.renewals + 1 });
      }
    }
  }
  return { currency: org.currency, months: keys.map((month) => ({ month, amountMinor: totals.get(month)?.amountMinor ?? 0, renewals: totals.get(month)?.renewals ?? 0 })) };
}
