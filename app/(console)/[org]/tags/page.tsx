import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { allows } from "@/lib/access/require-access";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";
import { listTagsPage } from "@/lib/tags/list-tags";
import { TagsManager } from "./tags-manager";
import { firstParam, listHref, type SearchParams } from "@/lib/http/list-href";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tags"))("title") };
}


/** TAG-3: the Organization's tags with their product counts, searchable and paged; rename/recolour, delete, add. */
export default async function TagsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const sp = await searchParams;
  const { actor, access } = await consoleContext(orgId, "tags.read");
  const [list, t] = await Promise.all([listTagsPage(getDb(), actor, { orgId, q: firstParam(sp.q), page: firstParam(sp.page) }), getTranslations("tags")]);
  const href = (page: number) => listHref(`/${orgId}/tags`, { q: list.q, page }, { page: "1" });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      <form method="get" action={`/${orgId}/tags`} role="search" aria-label={t("searchLabel")} className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="tags-q" className="block text-sm font-medium text-slate-700">{t("search")}</label>
          <input id="tags-q" name="q" type="search" defaultValue={list.q} maxLength={40} className="mt-1 block w-64 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm" />
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50">{t("searchButton")}</button>
        <p className="py-2 text-sm text-slate-600" aria-live="polite">{t("tagsCount", { count: list.total })}</p>
      </form>
      <TagsManager orgId={orgId} tags={list.items} canManage={allows(access, "tags.manage")} />
      {list.pageCount > 1 ? (
        <nav aria-label={t("pagination")} className="flex items-center gap-3 text-sm">
          {list.page > 1 ? <Link href={href(list.page - 1)} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">{t("previous")}</Link> : null}
          <span>{t("pageOf", { page: list.page, pages: list.pageCount })}</span>
          {list.page < list.pageCount ? <Link href={href(list.page + 1)} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">{t("next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
