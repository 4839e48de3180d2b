import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { FilterForm, SearchFilter } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/lib/db";
import type { SearchParams } from "@/lib/http/list-href";
import { consoleContext } from "@/lib/orgs/console-context";
import { listRenewals } from "@/lib/renewals/list-renewals";
import { renewalForecast } from "@/lib/renewals/renewal-forecast";
import { RENEWAL_ATTEMPT_DAYS } from "@/lib/renewals/schedule";
import { ForecastChart } from "./forecast-chart";
import { RenewalsTable } from "./renewals-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("renewals"))("title") };
}

function href(orgId: string, query: { q?: string; after?: string }) {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.after) params.set("after", query.after);
  const qs = params.toString();
  return `/${orgId}/payments/renewals${qs ? `?${qs}` : ""}`;
}

/** SEC-5: a search, cursor or product this refuses (too long, a NUL) falls back to the first page, with a notice. */
const querySchema = z.object({ q: queryText(100), after: queryText(200), product: queryText(64) });

/** BIL-8 / BIL-9 "Manage renewals": automatic renewal of the Organization's products, one or many at once. */
export default async function RenewalsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const { query: asked, invalid } = parsePageQuery(querySchema, await searchParams);
  const { actor } = await consoleContext(orgId, "billing.read");
  const [list, forecast, t] = await Promise.all([
    listRenewals(getDb(), actor, { orgId, q: asked.q, after: asked.after, product: asked.product }),
    renewalForecast(getDb(), actor, { orgId }),
    getTranslations("renewals"),
  ]);
  const q = list.params.q;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
        <p className="text-sm text-slate-600">{t("schedule", { days: RENEWAL_ATTEMPT_DAYS.slice(1).join(", ") })}</p>
        <p className="text-sm">
          <Link href="/account/calendar" className="text-brand-700 underline" data-testid="renewals-calendar-link">
            {t("calendarLink")}
          </Link>
        </p>
      </div>
      <QueryNotice invalid={invalid} />
      {list.canChange && list.methods.length === 0 ? (
        <Alert tone="info">
          {t("noMethod")}{" "}
          <Link href={`/${orgId}/invoices`} className="text-brand-700 underline">
            {t("payByCard")}
          </Link>
        </Alert>
      ) : null}
      <FilterForm action={`/${orgId}/payments/renewals`} label={t("searchLabel")} submitLabel={t("apply")} clear={q ? { href: href(orgId, {}), label: t("clear") } : null}>
        <SearchFilter id="renewals-q" name="q" label={t("search")} placeholder={t("searchPlaceholder")} value={q} />
      </FilterForm>
      {/* Remounted per page and search, so a selection never carries rows the page no longer shows. */}
      <RenewalsTable
        key={`${q ?? ""}:${list.params.after ?? ""}`}
        orgId={orgId}
        items={list.items}
        methods={list.methods}
        canChange={list.canChange}
        preselected={list.preselected}
      />
      <Pagination
        label={t("pagination")}
        previous={list.params.after ? { href: href(orgId, { q }), label: t("first") } : null}
        next={list.nextCursor ? { href: href(orgId, { q, after: list.nextCursor }), label: t("next") } : null}
      />
      <ForecastChart currency={forecast.currency} months={forecast.months} />
    </div>
  );
}
