import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { listProductCategories, listProducts, PRODUCT_STATUSES } from "@/lib/products/list-products";
import { consoleContext } from "@/lib/orgs/console-context";
import { listTagOptions } from "@/lib/tags/list-tags";
import { TagPicker } from "@/components/tags/tag-picker";
import { ProductsTable } from "./products-table";
import { productsExportHref, productsHref, type ProductsQuery } from "./query";
import { firstParam, type SearchParams } from "@/lib/http/list-href";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("products"))("title") };
}

const EXPIRY_WINDOWS = [7, 30, 90, 365];

export default async function ProductsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const sp = await searchParams;
  const { actor } = await consoleContext(orgId, "products.read");
  const db = getDb();
  const [list, tagOptions, categories, t] = await Promise.all([
    listProducts(db, actor, {
      orgId,
      q: firstParam(sp.q),
      category: firstParam(sp.category),
      tagId: firstParam(sp.tagId),
      status: firstParam(sp.status),
      expiresWithin: firstParam(sp.expiresWithin),
      sort: firstParam(sp.sort),
      dir: firstParam(sp.dir),
      after: firstParam(sp.after),
      before: firstParam(sp.before),
    }),
    listTagOptions(db, actor, { orgId, selectedId: firstParam(sp.tagId) }),
    listProductCategories(db),
    getTranslations(),
  ]);
  const p = list.params;
  const query: ProductsQuery = { q: p.q, category: p.category, tagId: p.tagId, status: p.status, expiresWithin: p.expiresWithin, sort: p.sort, dir: p.dir };
  const select = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  // The first tags only (the pickers fetch the others as the user types); one object for both pickers.
  const tags = { tags: tagOptions.tags, complete: tagOptions.complete };
  const filtered = !!(p.q || p.category || p.tagId || p.status || p.expiresWithin !== undefined);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">{t("products.title")}</h1>
          <p className="text-sm text-slate-600">{t("products.subtitle")}</p>
        </div>
        <div className="flex gap-4 text-sm">
          {/* A download, not a page: a plain link, never prefetched. */}
          <a href={productsExportHref(orgId, query)} download className="text-brand-700 underline">{t("products.exportCsv")}</a>
          <Link href={`/${orgId}/tags`} className="text-brand-700 underline">{t("products.manageTags")}</Link>
        </div>
      </div>

      <form method="get" action={`/${orgId}/products`} role="search" aria-label={t("products.searchLabel")} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="products-q" className="block text-sm font-medium text-slate-700">{t("products.search")}</label>
          <input id="products-q" name="q" type="search" defaultValue={p.q ?? ""} placeholder={t("products.searchPlaceholder")} className={`${select} w-64`} />
        </div>
        <div>
          <label htmlFor="products-category" className="block text-sm font-medium text-slate-700">{t("products.categoryFilter")}</label>
          <select id="products-category" name="category" defaultValue={p.category ?? ""} className={select}>
            <option value="">{t("products.allCategories")}</option>
            {categories.map((c) => <option key={c} value={c}>{t(`categories.${c}` as "categories.domain")}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="products-tag" className="block text-sm font-medium text-slate-700">{t("products.tagFilter")}</label>
          <TagPicker key={tagOptions.selected?.id ?? ""} id="products-tag" name="tagId" orgId={orgId} initial={tags} selected={tagOptions.selected} allLabel={t("products.allTags")} className={select} />
        </div>
        <div>
          <label htmlFor="products-status" className="block text-sm font-medium text-slate-700">{t("products.statusFilter")}</label>
          <select id="products-status" name="status" defaultValue={p.status ?? ""} className={select}>
            <option value="">{t("products.allStatuses")}</option>
            {PRODUCT_STATUSES.map((s) => <option key={s} value={s}>{t(`products.status.${s}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="products-expires" className="block text-sm font-medium text-slate-700">{t("products.expiresFilter")}</label>
          <select id="products-expires" name="expiresWithin" defaultValue={p.expiresWithin?.toString() ?? ""} className={select}>
            <option value="">{t("products.anyExpiry")}</option>
            {EXPIRY_WINDOWS.map((d) => <option key={d} value={d}>{t("products.withinDays", { days: d })}</option>)}
          </select>
        </div>
        {p.sort !== "name" ? <input type="hidden" name="sort" value={p.sort} /> : null}
        {p.dir !== "asc" ? <input type="hidden" name="dir" value={p.dir} /> : null}
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">{t("products.applyFilters")}</button>
        {filtered ? (
          <Link href={productsHref(orgId, { sort: p.sort, dir: p.dir })} className="py-2 text-sm text-brand-700 underline">{t("products.clearFilters")}</Link>
        ) : null}
      </form>

      <ProductsTable orgId={orgId} items={list.items} tagOptions={tags} canTag={list.canTag} query={query} />

      {list.previousCursor || list.nextCursor ? (
        <nav aria-label={t("products.pagination")} className="flex items-center gap-3 text-sm">
          {list.previousCursor ? <Link href={productsHref(orgId, query, { before: list.previousCursor })} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">{t("products.previous")}</Link> : null}
          {list.nextCursor ? <Link href={productsHref(orgId, query, { after: list.nextCursor })} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">{t("products.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
