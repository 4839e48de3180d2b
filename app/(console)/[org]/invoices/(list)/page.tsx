import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { INVOICE_STATUS_FILTERS, listInvoices, type InvoiceSummary } from "@/lib/invoices/list-invoices";
import { orNotFound } from "@/lib/http/or-not-found";
import { consoleContext } from "@/lib/orgs/console-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing"))("invoicesTitle") };
}

type Search = Record<string, string | string[] | undefined>;

/** BIL-7: the Organization's invoices, filtered by status, newest first, 25 a page. */
export default async function InvoicesPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Search> }) {
  const { org: orgId } = await params;
  const query = await searchParams;
  const { actor } = await consoleContext(orgId, "billing.read");
  const raw = typeof query.status === "string" ? query.status : undefined;
  const status = raw && (INVOICE_STATUS_FILTERS as readonly string[]).includes(raw) ? (raw as (typeof INVOICE_STATUS_FILTERS)[number]) : undefined;
  const page = Math.min(Math.max(Number(query.page) || 1, 1), 100_000);
  const [list, t, format, locale] = await Promise.all([orNotFound(listInvoices(getDb(), actor, { orgId, status, page })), getTranslations("billing"), getFormatter(), getLocale()]);
  const href = (p: number) => `/${orgId}/invoices?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
  const pages = Math.max(1, Math.ceil(list.total / list.perPage));
  const thisYear = now().getUTCFullYear();
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
  return (
    <div className="max-w-5xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("invoicesTitle")}</h1>
        <p className="text-sm text-slate-600">{t("invoicesSubtitle")}</p>
      </div>
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
      <FilterForm action={`/${orgId}/invoices`} label={t("filterLabel")} submitLabel={t("apply")} clear={status ? { href: `/${orgId}/invoices`, label: t("clearFilter") } : null}>
        <SelectFilter id="invoice-status" name="status" label={t("status")} allLabel={t("allStatuses")} options={INVOICE_STATUS_FILTERS.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} value={status} />
      </FilterForm>
      <DataTable<InvoiceSummary>
        caption={t("invoicesTitle")}
        rows={list.items}
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
        previous={list.page > 1 ? { href: href(list.page - 1), label: t("previous") } : null}
        next={list.page < pages ? { href: href(list.page + 1), label: t("next") } : null}
        current={t("pageOf", { page: list.page, pages })}
      />
    </div>
  );
}
