import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FilterForm, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { INVOICE_PERIODS } from "@/lib/invoices/invoice-filters";
import { INVOICE_STATUS_FILTERS, listInvoices, type InvoiceSummary } from "@/lib/invoices/list-invoices";
import { listHref, type SearchParams } from "@/lib/http/list-href";
import { mapError } from "@/lib/http/map-error";
import { orNotFound } from "@/lib/http/or-not-found";
import { translateFieldErrors } from "@/lib/http/translate-error";
import { consoleContext } from "@/lib/orgs/console-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing"))("invoicesTitle") };
}

/** SEC-5: text that cannot be stored (a NUL) or is absurdly long falls back, with a notice; the finer rules of each filter are the service's, shown on the field. */
const querySchema = z.object({ status: queryText(40), period: queryText(40), from: queryText(40), to: queryText(40), q: queryText(1000), after: queryText(1000) });

/**
 * BIL-7: the Organization's invoices, newest first, 25 a page by keyset: filtered by status, issue period
 * (a preset or from / to days) and a search (invoice number, amount, order number) — all kept in the URL,
 * so a view can be shared and "next" keeps its filters. A rejected filter is shown on its field, never a 500.
 */
export default async function InvoicesPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const { query: asked, invalid } = parsePageQuery(querySchema, await searchParams);
  const { actor } = await consoleContext(orgId, "billing.read");
  const raw = asked.status;
  const status = raw && (INVOICE_STATUS_FILTERS as readonly string[]).includes(raw) ? (raw as (typeof INVOICE_STATUS_FILTERS)[number]) : undefined;
  const filters = { status, period: asked.period, from: asked.from, to: asked.to, q: asked.q };
  const after = asked.after;
  const [t, tAll, format, locale] = await Promise.all([getTranslations("billing"), getTranslations(), getFormatter(), getLocale()]);
  const tf = await getTranslations("invoiceFilters");
  const result = await orNotFound(
    listInvoices(getDb(), actor, { orgId, ...filters, after }).then(
      (list) => ({ list, fieldErrors: {} as Record<string, string> }),
      (err: unknown) => {
        const mapped = mapError(err);
        if (mapped.status !== 422 || !mapped.fieldErrors) throw err;
        return { list: null, fieldErrors: translateFieldErrors((key, values) => tAll(key as never, values as never), mapped.fieldErrors, "q") };
      },
    ),
  );
  const { list, fieldErrors } = result;
  const href = (extra: { after?: string | null }) => listHref(`/${orgId}/invoices`, { ...filters, after: extra.after ?? undefined });
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== "");
  const thisYear = now().getUTCFullYear();
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
  return (
    <div className="max-w-5xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("invoicesTitle")}</h1>
        <p className="text-sm text-slate-600">{t("invoicesSubtitle")}</p>
      </div>
      <QueryNotice invalid={invalid} />
      <form method="get" action={`/${orgId}/invoices/archive`} className="flex flex-wrap items-end gap-2" aria-labelledby="invoice-year-heading">
        <h2 id="invoice-year-heading" className="sr-only">
          {t("downloadYear")}
        </h2>
        <div>
          <label htmlFor="invoice-year" className="block text-sm font-medium">
            {t("downloadYear")}
          </label>
          <select id="invoice-year" name="year" defaultValue={String(thisYear)} className="mt-1 rounded border border-slate-300 px-2 py-1 text-sm">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50">
          {t("downloadZip")}
        </button>
      </form>
      <FilterForm action={`/${orgId}/invoices`} label={t("filterLabel")} submitLabel={t("apply")} clear={filtered ? { href: `/${orgId}/invoices`, label: t("clearFilter") } : null}>
        <SelectFilter id="invoice-status" name="status" label={t("status")} allLabel={t("allStatuses")} options={INVOICE_STATUS_FILTERS.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} value={status} />
        <SelectFilter id="invoice-period" name="period" label={tf("period")} allLabel={tf("allPeriods")} options={INVOICE_PERIODS.map((p) => ({ value: p, label: tf(`periods.${p}`) }))} value={filters.period} />
        <Field id="invoice-from" name="from" type="date" label={tf("from")} defaultValue={filters.from ?? ""} error={fieldErrors.from} help={tf("customHelp")} />
        <Field id="invoice-to" name="to" type="date" label={tf("to")} defaultValue={filters.to ?? ""} error={fieldErrors.to} />
        <SearchFilter id="invoice-q" name="q" label={tf("search")} placeholder={tf("searchPlaceholder")} value={filters.q} maxLength={100} />
      </FilterForm>
      {list ? null : <Alert tone="error">{tf("invalid")}</Alert>}
      {fieldErrors.q || fieldErrors.period || fieldErrors.after ? (
        <p className="text-sm text-red-700" data-testid="invoice-filter-error">
          {fieldErrors.q ?? fieldErrors.period ?? fieldErrors.after}
        </p>
      ) : null}
      {list ? (
        <p className="text-sm text-slate-600" data-testid="invoice-count">
          {tf("count", { count: list.total })}
        </p>
      ) : null}
      <DataTable<InvoiceSummary>
        caption={t("invoicesTitle")}
        rows={list?.items ?? []}
        rowKey={(i) => i.id}
        rowTestId="invoice-row"
        empty={t("noInvoices")}
        columns={[
          {
            key: "number",
            label: t("columns.number"),
            rowHeader: true,
            cell: (i) => (
              <Link href={`/${orgId}/invoices/${i.id}`} className="text-brand-700 underline">
                {i.number}
              </Link>
            ),
          },
          { key: "kind", label: t("columns.kind"), cell: (i) => t(`kinds.${i.kind}`) },
          { key: "issued", label: t("columns.issued"), cell: (i) => format.dateTime(i.issuedAt, { dateStyle: "medium" }) },
          { key: "due", label: t("columns.due"), cell: (i) => format.dateTime(i.dueAt, { dateStyle: "medium" }) },
          { key: "total", label: t("columns.total"), className: "text-right", cell: (i) => formatMoney(i.totalMinor, i.currency, locale) },
          { key: "status", label: t("columns.status"), testId: "invoice-status", cell: (i) => t(`statuses.${i.overdue ? "OVERDUE" : i.status}`) },
        ]}
      />
      <Pagination
        label={t("pagination")}
        previous={after ? { href: href({}), label: tf("firstPage") } : null}
        next={list?.nextCursor ? { href: href({ after: list.nextCursor }), label: t("next") } : null}
      />
    </div>
  );
}
