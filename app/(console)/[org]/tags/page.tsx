import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import { getTranslations } from "next-intl/server";
import { allows } from "@/lib/access/require-access";
import { FilterForm, SearchFilter } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";
import { listTagsPage } from "@/lib/tags/list-tags";
import { TagsManager } from "./tags-manager";
import { listHref, type SearchParams } from "@/lib/http/list-href";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tags"))("title") };
}


/** SEC-5: a search or page this refuses (too long, a NUL, not a number) falls back to every tag's first page, with a notice. */
const querySchema = z.object({ q: queryText(40), page: z.coerce.number().int().min(1).max(100_000).optional() });

/** TAG-3: the Organization's tags with their product counts, searchable and paged; rename/recolour, delete, add. */
export default async function TagsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const { query: asked, invalid } = parsePageQuery(querySchema, await searchParams);
  const { actor, access } = await consoleContext(orgId, "tags.read");
  const [list, t] = await Promise.all([listTagsPage(getDb(), actor, { orgId, q: asked.q, page: asked.page }), getTranslations("tags")]);
  const href = (page: number) => listHref(`/${orgId}/tags`, { q: list.q, page }, { page: "1" });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      <QueryNotice invalid={invalid} />
      <FilterForm action={`/${orgId}/tags`} label={t("searchLabel")} submitLabel={t("searchButton")}>
        <SearchFilter id="tags-q" name="q" label={t("search")} value={list.q} maxLength={40} />
      </FilterForm>
      <p className="text-sm text-slate-600" aria-live="polite">
        {t("tagsCount", { count: list.total })}
      </p>
      <TagsManager orgId={orgId} tags={list.items} canManage={allows(access, "tags.manage")} />
      <Pagination
        label={t("pagination")}
        previous={list.page > 1 ? { href: href(list.page - 1), label: t("previous") } : null}
        next={list.page < list.pageCount ? { href: href(list.page + 1), label: t("next") } : null}
        current={t("pageOf", { page: list.page, pages: list.pageCount })}
      />
    </div>
  );
}
