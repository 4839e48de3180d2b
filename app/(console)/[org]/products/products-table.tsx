"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useState } from "react";
import { cachedMessage, fillMessage, formatDate } from "@/components/intl/row-messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { sortLink } from "@/components/ui/sort-header";
import { useSelection } from "@/components/ui/use-selection";
import { TagPicker } from "@/components/tags/tag-picker";
import type { TagOptionsPage } from "@/components/tags/use-tag-options";
import type { ProductListItem } from "@/lib/products/list-products";
import { attachTagAction } from "./actions";
import { productsHref, type ProductsQuery } from "./query";
import { TagCell } from "./tag-cell";

type Props = {
  orgId: string;
  items: ProductListItem[];
  tagOptions: TagOptionsPage;
  canTag: boolean;
  /** Products the member may see but not change (READ grants, SEC-5): no tag editing, not selectable. */
  readOnlyIds: string[];
  query: ProductsQuery;
};

const STATUS_STYLE: Record<string, string> = {
  ACTIVE: "bg-green-100 text-green-800",
  BLOCKED: "bg-amber-100 text-amber-900",
  TERMINATED: "bg-slate-200 text-slate-700",
};

/** PRD-1/TAG-2: the products table with row selection, a bulk "attach a tag" action and the Tag column. */
export function ProductsTable({ orgId, items, tagOptions, canTag, readOnlyIds, query }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const { selected, setSelected } = useSelection();
  const readOnly = new Set(readOnlyIds);
  const chosen = items.filter((i) => selected.has(i.id) && !readOnly.has(i.id)).map((i) => i.id);
  const [bulkState, bulkAction, bulkPending] = useActionState(attachTagAction, null);
  const [bulkTagId, setBulkTagId] = useState<string | null>(null);

  const current = { sort: query.sort ?? "name", dir: query.dir === "desc" ? ("desc" as const) : ("asc" as const) };
  const sort = (column: "name" | "expiry" | "status", label: string) =>
    sortLink(column, current, (next) => productsHref(orgId, query, next), t("products.sortBy", { column: label }));

  return (
    <div className="space-y-3">
      {canTag && tagOptions.tags.length > 0 ? (
        <form action={bulkAction} className="flex flex-wrap items-end gap-2" aria-label={t("products.bulkTag")}>
          <input type="hidden" name="orgId" value={orgId} />
          {chosen.map((id) => <input key={id} type="hidden" name="productIds" value={id} />)}
          <div>
            <label htmlFor="bulk-tag" className="block text-sm font-medium text-slate-700">{t("products.bulkTag")}</label>
            <TagPicker id="bulk-tag" name="tagId" orgId={orgId} initial={tagOptions} selected={null} placeholder={t("products.chooseTag")} onChange={(tag) => setBulkTagId(tag?.id ?? null)} className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
          </div>
          <Button type="submit" variant="secondary" disabled={chosen.length === 0 || !bulkTagId || bulkPending}>
            {t("products.attachToSelection", { count: chosen.length })}
          </Button>
          {bulkState && !bulkState.ok ? <Alert tone="error">{bulkState.message}</Alert> : null}
          {bulkState?.ok ? <Alert tone="success">{t("products.bulkAttached", { count: bulkState.data?.attached ?? 0 })}</Alert> : null}
        </form>
      ) : null}
      <DataTable
        caption={t("products.title")}
        rows={items}
        rowKey={(p) => p.id}
        rowTestId="product-row"
        empty={t("products.empty")}
        selection={{
          selected,
          onChange: setSelected,
          selectable: (p) => !readOnly.has(p.id),
          allLabel: t("products.selectAll"),
          rowLabel: (p) => fillMessage(t, locale, "products.select", { name: p.name }),
        }}
        columns={[
          { key: "category", label: t("products.columns.category"), cell: (p) => t(`categories.${p.category}` as "categories.domain") },
          {
            key: "name",
            label: t("products.columns.name"),
            sort: sort("name", t("products.columns.name")),
            className: "font-medium",
            cell: (p) => (
              <>
                <Link href={`/${orgId}/products/${p.id}`} className="text-brand-700 hover:underline">
                  {p.name}
                </Link>
                {readOnly.has(p.id) ? <span className="ml-2 text-xs font-normal text-slate-500" data-testid="read-only">{t("products.level.READ")}</span> : null}
              </>
            ),
          },
          { key: "expiry", label: t("products.columns.expiry"), sort: sort("expiry", t("products.columns.expiry")), className: "whitespace-nowrap", cell: (p) => formatDate(p.expiresAt, locale, timeZone) },
          { key: "renewal", label: t("products.columns.renewal"), cell: (p) => cachedMessage(t, locale, "products.renewalMonths", { months: p.renewalPeriodMonths }) },
          { key: "autoRenew", label: t("products.columns.autoRenew"), cell: (p) => (p.autoRenew ? t("products.yes") : t("products.no")) },
          {
            key: "status",
            label: t("products.columns.status"),
            sort: sort("status", t("products.columns.status")),
            cell: (p) => <span className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLE[p.status]}`}>{t(`products.status.${p.status}`)}</span>,
          },
          {
            key: "tags",
            label: t("products.columns.tags"),
            cell: (p) => <TagCell orgId={orgId} productId={p.id} productName={p.name} tags={p.tags} tagOptions={tagOptions} canTag={canTag && !readOnly.has(p.id)} />,
          },
        ]}
      />
    </div>
  );
}
