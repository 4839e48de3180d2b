import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { listProductCategories, listProducts, PRODUCT_SORTS, PRODUCT_STATUSES } from "@/lib/products/list-products";
import { consoleContext } from "@/lib/orgs/console-context";
import { listTagOptions } from "@/lib/tags/list-tags";
import { TagPicker } from "@/components/tags/tag-picker";
import { FilterForm, FilterSlot, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { ProductsTable } from "../products-table";
import { productsExportHref, productsHref, type ProductsQuery } from "../query";
import type { SearchParams } from "@/lib/http/list-href";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("products"))("title") };
}

const EXPIRY_WINDOWS = [7, 30, 90, 365];

/** SEC-5: a value this refuses (too long, a NUL, unknown) falls back to the default, with a notice. */
const querySchema = z.object({
  q: queryText(100),
  category: queryText(40),
  tagId: queryText(64),
  status: z.enum(PRODUCT_STATUSES).optional(),
  expiresWithin: z.coerce.number().int().min(0).max(3650).optional(),
  sort: z.enum(PRODUCT_SORTS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  after: queryText(400),
  before: queryText(400),
});

export default async function ProductsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const { query: asked, invalid } = parsePageQuery(querySchema, await searchParams);
  const { actor } = await consoleContext(orgId, "products.read");
  const db = getDb();
  const [list, tagOptions, categories, t] = await Promise.all([
    listProducts(db, actor, {
      orgId,
      q: asked.q,
      category: asked.category,
      tagId: asked.tagId,
      status: asked.status,
      expiresWithin: asked.expiresWithin,
      sort: asked.sort,
      dir: asked.dir,
      after: asked.after,
      before: asked.before,
    }),
    listTagOptions(db, actor, { orgId, selectedId: asked.tagId }),
    listProductCategories(db),
    getTranslations(),
  ]);
  const p = list.params;
  const query: ProductsQuery = { q: p.q, category: p.category, tagId: p.tagId, status: p.status, expiresWithin: p.expiresWithin, sort: p.sort, dir: p.dir };
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
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {/* A download, not a page: a plain link, never prefetched. */}
          <a href={productsExportHref(orgId, query)} download className="text-brand-700 underline">{t("products.exportCsv")}</a>
          <Link href={`/${orgId}/tags`} className="text-brand-700 underline">{t("products.manageTags")}</Link>
        </div>
      </div>

      <QueryNotice invalid={invalid} />

      <FilterForm
        action={`/${orgId}/products`}
        label={t("products.searchLabel")}
        submitLabel={t("products.applyFilters")}
        clear={filtered ? { href: productsHref(orgId, { sort: p.sort, dir: p.dir }), label: t("products.clearFilters") } : null}
      >
        <SearchFilter id="products-q" name="q" label={t("products.search")} placeholder={t("products.searchPlaceholder")} value={p.q} />
        <SelectFilter
          id="products-category"
          name="category"
          label={t("products.categoryFilter")}
          allLabel={t("products.allCategories")}
          options={categories.map((c) => ({ value: c, label: t(`categories.${c}` as "categories.domain") }))}
          value={p.category}
        />
        <FilterSlot id="products-tag" label={t("products.tagFilter")}>
          {(className) => <TagPicker key={tagOptions.selected?.id ?? ""} id="products-tag" name="tagId" orgId={orgId} initial={tags} selected={tagOptions.selected} allLabel={t("products.allTags")} className={className} />}
        </FilterSlot>
        <SelectFilter
          id="products-status"
          name="status"
          label={t("products.statusFilter")}
          allLabel={t("products.allStatuses")}
          options={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`products.status.${s}`) }))}
          value={p.status}
        />
        <SelectFilter
          id="products-expires"
          name="expiresWithin"
          label={t("products.expiresFilter")}
          allLabel={t("products.anyExpiry")}
          options={EXPIRY_WINDOWS.map((d) => ({ value: String(d), label: t("products.withinDays", { days: d }) }))}
          value={p.expiresWithin?.toString()}
        />
        {p.sort !== "name" ? <input type="hidden" name="sort" value={p.sort} /> : null}
        {p.dir !== "asc" ? <input type="hidden" name="dir" value={p.dir} /> : null}
      </FilterForm>

      <ProductsTable orgId={orgId} items={list.items} tagOptions={tags} canTag={list.canTag} readOnlyIds={list.readOnlyIds} query={query} />

      <Pagination
        label={t("products.pagination")}
        previous={list.previousCursor ? { href: productsHref(orgId, query, { before: list.previousCursor }), label: t("products.previous") } : null}
        next={list.nextCursor ? { href: productsHref(orgId, query, { after: list.nextCursor }), label: t("products.next") } : null}
      />
    </div>
  );
}
