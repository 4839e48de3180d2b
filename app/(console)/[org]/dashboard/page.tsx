import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { shownCount } from "@/lib/orgs/capped-count";
import { consoleContext } from "@/lib/orgs/console-context";
import { dashboardSummary, EXPIRING_DAYS } from "@/lib/orgs/dashboard-summary";
import { AttentionList } from "./attention-list";
import { RecentActivity } from "./recent-activity";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

type Card = { key: string; title: string; value: string; detail?: string; href: string };

/**
 * The Organization's home: what needs attention first, a card per thing the reader may handle — each
 * card is a link to the page that handles it — the products expiring soon and the latest activity.
 */
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
  const cards: Card[] = [];
  if (summary.invoices) {
    cards.push({
      key: "unpaid-invoices",
      title: t("dashboard.unpaidInvoices"),
      value: shownCount(summary.invoices.unpaidCount),
      detail: summary.invoices.unpaidCount > 0 ? t("dashboard.unpaidTotal", { total: formatMoney(summary.invoices.unpaidTotalMinor, summary.org.currency, locale) }) : undefined,
      href: `/${orgId}/invoices?status=UNPAID`,
    });
  }
  if (summary.expiringCount !== null) {
    // BIL-2: those who pay renew from the payments page; the others see the products concerned.
    const href = summary.canOrderRenewals ? `/${orgId}/payments` : `/${orgId}/products?expiresWithin=${EXPIRING_DAYS}&sort=expiry`;
    cards.push({ key: "expiring", title: t("dashboard.expiringSoon"), value: shownCount(summary.expiringCount), href });
  }
  if (summary.pendingOrders !== null) cards.push({ key: "pending-orders", title: t("dashboard.pendingOrders"), value: shownCount(summary.pendingOrders), href: `/${orgId}/orders` });
  if (summary.productCount !== null) cards.push({ key: "products", title: t("dashboard.products"), value: shownCount(summary.productCount), href: `/${orgId}/products` });
  if (summary.pastDue !== null) cards.push({ key: "past-due", title: t("dashboard.pastDue"), value: shownCount(summary.pastDue), href: `/${orgId}/products?sort=expiry&dir=asc` });
  if (summary.members !== null) cards.push({ key: "members", title: t("dashboard.members"), value: shownCount(summary.members), href: `/${orgId}/users` });

  const panel = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("dashboard.welcome", { name: user.firstName })}</h1>
        <p className="text-sm text-slate-600">
          {summary.org.name} · {summary.role ? t("dashboard.yourRole", { role: t(`roles.${summary.role}`) }) : t("shell.partnerAccess")}
        </p>
      </div>

      <AttentionList orgId={orgId} items={summary.attention} />

      {cards.length > 0 ? (
        <section aria-labelledby="dashboard-cards">
          <h2 id="dashboard-cards" className="sr-only">
            {t("dashboard.cardsLabel")}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {cards.map((c) => (
              <li key={c.key}>
                <Link href={c.href} data-testid={`card-${c.key}`} className={`${panel} block h-full hover:border-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700`}>
                  <span className="block text-sm font-medium text-slate-600">{c.title}</span>
                  <span className="mt-2 block text-2xl font-semibold" data-testid="card-value">
                    {c.value}
                  </span>
                  {c.detail ? <span className="block text-sm text-slate-700">{c.detail}</span> : null}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {summary.expiringCount !== null ? (
        <section className={panel} aria-labelledby="card-expiring">
          <h2 id="card-expiring" className="text-base font-semibold">
            {t("dashboard.expiringSoon")}
          </h2>
          {summary.expiringSoon.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("dashboard.noneExpiring")}</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100">
              {summary.expiringSoon.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <Link href={`/${orgId}/products/${p.id}`} className="font-medium text-brand-700 hover:underline">
                      {p.name}
                    </Link>{" "}
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
      ) : null}

      {summary.activity ? <RecentActivity orgId={orgId} items={summary.activity} /> : null}
    </div>
  );
}
