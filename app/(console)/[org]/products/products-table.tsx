"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useState } from "react";
import { cachedMessage, fillMessage, formatDate } from "@/components/intl/row-messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SortHeader } from "@/components/ui/sort-header";
import { useSelection } from "@/components/ui/use-selection";
import { TagPicker } from "@/components/tags/tag-picker";
import type { TagOptionsPage } from "@/components/tags/use-tag-options";
import type { ProductListItem } from "@/lib/products/list-products";
import { attachTagAction } from "./actions";
import { productsHref, type ProductsQuery } from "./query";
import { TagCell } from "./tag-cell";

type Props = { orgId: string; items: ProductListItem[]; tagOptions: TagOptionsPage; canTag: boolean; query: ProductsQuery };

const STATUS_STYLE: Record<string, string> = {
  ACTIVE: "bg-green-100 text-green-800",
  BLOCKED: "bg-amber-100 text-amber-900",
  TERMINATED: "bg-slate-200 text-slate-700",
};

/** PRD-1/TAG-2: the products table with row selection, a bulk "attach a tag" action and the Tag column. */
export function ProductsTable({ orgId, items, tagOptions, canTag, query }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const { selected, setSelected, toggle } = useSelection();
  const chosen = items.filter((i) => selected.has(i.id)).map((i) => i.id);
  const allChosen = items.length > 0 && chosen.length === items.length;
  const [bulkState, bulkAction, bulkPending] = useActionState(attachTagAction, null);
  const [bulkTagId, setBulkTagId] = useState<string | null>(null);

  const sortHeader = (column: "name" | "expiry" | "status", label: string) => {
    const active = (query.sort ?? "name") === column;
    const dir = query.dir === "desc" ? "desc" : "asc";
    const next = active && dir === "asc" ? "desc" : "asc";
    return <SortHeader label={label} active={active} dir={dir} href={productsHref(orgId, query, { sort: column, dir: next })} srLabel={t("products.sortBy", { column: label })} />;
  };

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
      <div className="rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">{t("products.title")}</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="w-10 px-3 py-2">
                <input type="checkbox" aria-label={t("products.selectAll")} checked={allChosen} disabled={items.length === 0} onChange={(e) => setSelected(e.target.checked ? new Set(items.map((i) => i.id)) : new Set())} />
              </th>
              <th scope="col" className="px-3 py-2">{t("products.columns.category")}</th>
              {sortHeader("name", t("products.columns.name"))}
              {sortHeader("expiry", t("products.columns.expiry"))}
              <th scope="col" className="px-3 py-2">{t("products.columns.renewal")}</th>
              <th scope="col" className="px-3 py-2">{t("products.columns.autoRenew")}</th>
              {sortHeader("status", t("products.columns.status"))}
              <th scope="col" className="px-3 py-2">{t("products.columns.tags")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.length === 0 ? (
              <tr>
                <td colSpan={8} className="px-3 py-6 text-center text-slate-600">{t("products.empty")}</td>
              </tr>
            ) : null}
            {items.map((p) => (
              <tr key={p.id} data-testid="product-row">
                <td className="px-3 py-2">
                  <input type="checkbox" aria-label={fillMessage(t, locale, "products.select", { name: p.name })} checked={selected.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
                </td>
                <td className="px-3 py-2">{t(`categories.${p.category}` as "categories.domain")}</td>
                <td className="px-3 py-2 font-medium">
                  <Link href={`/${orgId}/products/${p.id}`} className="text-brand-700 hover:underline">{p.name}</Link>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDate(p.expiresAt, locale, timeZone)}</td>
                <td className="px-3 py-2">{cachedMessage(t, locale, "products.renewalMonths", { months: p.renewalPeriodMonths })}</td>
                <td className="px-3 py-2">{p.autoRenew ? t("products.yes") : t("products.no")}</td>
                <td className="px-3 py-2">
                  <span className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLE[p.status]}`}>{t(`products.status.${p.status}`)}</span>
                </td>
                <td className="px-3 py-2">
                  <TagCell orgId={orgId} productId={p.id} productName={p.name} tags={p.tags} tagOptions={tagOptions} canTag={canTag} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
