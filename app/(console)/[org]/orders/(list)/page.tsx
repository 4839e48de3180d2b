import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import type { SearchParams } from "@/lib/http/list-href";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { orNotFound } from "@/lib/http/or-not-found";
import { listOrders, type OrderSummary } from "@/lib/orders/list-orders";
import { consoleContext } from "@/lib/orgs/console-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("title") };
}

/** SEC-5: a cursor this refuses (too long, a NUL) shows the first page, with a notice. */
const querySchema = z.object({ after: queryText(400) });

/** BIL-4: the Organization's orders, those still to pay first; keyset-paged (the cursor is in the URL). */
export default async function OrdersPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const { query: asked, invalid } = parsePageQuery(querySchema, await searchParams);
  const { actor } = await consoleContext(orgId, "billing.read");
  const cursor = asked.after;
  const [list, t, format, locale] = await Promise.all([
    // A cursor that does not parse is simply no page: the 404 page, like any unknown id.
    orNotFound(listOrders(getDb(), actor, { orgId, cursor }), "INVALID_INPUT"),
    getTranslations("orders"),
    getFormatter(),
    getLocale(),
  ]);
  return (
    <div className="max-w-5xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      <QueryNotice invalid={invalid} />
      <DataTable<OrderSummary>
        caption={t("title")}
        rows={list.items}
        rowKey={(o) => o.id}
        rowTestId="order-row"
        empty={t("empty")}
        columns={[
          {
            key: "number",
            label: t("columns.number"),
            rowHeader: true,
            cell: (o) => (
              <Link href={`/${orgId}/orders/${o.id}`} className="text-brand-700 underline">
                {o.number}
              </Link>
            ),
          },
          { key: "created", label: t("columns.created"), cell: (o) => format.dateTime(o.createdAt, { dateStyle: "medium" }) },
          { key: "total", label: t("columns.total"), className: "text-right", cell: (o) => formatMoney(o.totalMinor, o.currency, locale) },
          { key: "status", label: t("columns.status"), testId: "order-status", cell: (o) => t(`statuses.${o.status}`) },
        ]}
      />
      <Pagination
        label={t("pagination")}
        previous={cursor ? { href: `/${orgId}/orders`, label: t("first") } : null}
        next={list.nextCursor ? { href: `/${orgId}/orders?${new URLSearchParams({ after: list.nextCursor })}`, label: t("next") } : null}
      />
    </div>
  );
}
