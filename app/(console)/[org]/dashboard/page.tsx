import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { consoleContext } from "@/lib/orgs/console-context";
import { dashboardSummary } from "@/lib/orgs/dashboard-summary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const { actor } = await consoleContext(orgId);
  const db = getDb();
  const [summary, user, t, format, locale] = await Promise.all([
    dashboardSummary(db, actor, orgId),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { firstName: true } }),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const card = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("dashboard.welcome", { name: user.firstName })}</h1>
        <p className="text-sm text-slate-600">
          {summary.org.name} · {summary.role ? t("dashboard.yourRole", { role: t(`roles.${summary.role}`) }) : t("shell.partnerAccess")}
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <section className={card} aria-labelledby="card-products">
          <h2 id="card-products" className="text-sm font-medium text-slate-600">{t("dashboard.products")}</h2>
          <p className="mt-2 text-2xl font-semibold" data-testid="product-count">{t("dashboard.productsCount", { count: summary.productCount })}</p>
        </section>
        <section className={card} aria-labelledby="card-pastdue">
          <h2 id="card-pastdue" className="text-sm font-medium text-slate-600">{t("dashboard.pastDue")}</h2>
          <p className="mt-2 text-2xl font-semibold">{t("dashboard.pastDueCount", { count: summary.pastDue })}</p>
        </section>
        {summary.invoices ? (
          <section className={card} aria-labelledby="card-invoices">
            <h2 id="card-invoices" className="text-sm font-medium text-slate-600">{t("dashboard.unpaidInvoices")}</h2>
            <p className="mt-2 text-lg font-semibold" data-testid="unpaid-invoices">
              {t("dashboard.unpaidSummary", {
                count: summary.invoices.unpaidCount,
                total: formatMoney(summary.invoices.unpaidTotalMinor, summary.org.currency, locale),
              })}
            </p>
            {summary.invoices.overdueCount > 0 ? (
              <p className="text-sm text-red-700">{t("dashboard.overdue", { count: summary.invoices.overdueCount })}</p>
            ) : null}
          </section>
        ) : null}
      </div>
      <section className={card} aria-labelledby="card-expiring">
        <h2 id="card-expiring" className="text-base font-semibold">{t("dashboard.expiringSoon")}</h2>
        {summary.expiringSoon.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("dashboard.noneExpiring")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {summary.expiringSoon.map((p) => (
              <li key={p.id} className="flex items-center justify-between py-2 text-sm">
                <span>
                  <Link href={`/${orgId}/products/${p.id}`} className="font-medium text-brand-700 hover:underline">{p.name}</Link>{" "}
                  <span className="text-slate-600">· {t(`categories.${p.category.code}` as "categories.domain")}</span>
                </span>
                <span className="text-slate-700">
                  {t("dashboard.expires", { date: format.dateTime(p.expiresAt, { dateStyle: "medium" }) })}
                  {p.autoRenew ? <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-xs text-green-800">{t("dashboard.autoRenew")}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
