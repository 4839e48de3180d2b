import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import type { SearchParams } from "@/lib/http/list-href";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { consoleContext } from "@/lib/orgs/console-context";
import { addPartnerOptions } from "@/lib/partners/add-partner-options";
import { searchPartners } from "@/lib/partners/search-partners";
import { AddPartnerForm } from "./add-partner-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("partnerships"))("addTitle") };
}


/** SEC-5: a search or partner this refuses (too long, a NUL) falls back to the empty search, with a notice. */
const querySchema = z.object({ q: queryText(100), partner: queryText(64) });

/**
 * PRT-2, PRT-3: "Add a partner" in two steps, both plain GET forms so they work without JavaScript and
 * keep the search in the URL: search by name or e-mail and tick the result, then choose the access.
 */
export default async function AddPartnerPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const { query: asked, invalid } = parsePageQuery(querySchema, await searchParams);
  // Members who may not add a partner get the 404 page, as for any page they cannot use.
  const { actor } = await consoleContext(orgId, "partners.manage");
  const db = getDb();
  const t = await getTranslations("partnerships");
  const q = asked.q ?? "";
  const partnerId = asked.partner;
  const back = (
    <Link href={`/${orgId}/partners`} className="text-brand-700 text-sm underline">
      {t("backToPartners")}
    </Link>
  );

  if (partnerId) {
    const options = await orNotFound(addPartnerOptions(db, actor, { orgId, partnerId }));
    return (
      <div className="max-w-2xl space-y-4">
        <div>
          {back}
          <h1 className="mt-2 text-2xl font-semibold">{t("accessFor", { name: options.partner.displayName })}</h1>
          <p className="text-sm text-slate-600">{options.partner.contactEmail}</p>
          <Link href={`/${orgId}/partners/add?${new URLSearchParams({ q })}`} className="text-brand-700 text-sm underline">
            {t("changePartner")}
          </Link>
        </div>
        <AddPartnerForm orgId={orgId} partnerId={options.partner.id} partnerName={options.partner.displayName} products={options.products} categories={options.categories} />
      </div>
    );
  }

  const results = q.length >= 2 ? await orNotFound(searchPartners(db, actor, { orgId, q })) : null;
  return (
    <div className="max-w-2xl space-y-4">
      <div>
        {back}
        <h1 className="mt-2 text-2xl font-semibold">{t("addTitle")}</h1>
        <p className="text-sm text-slate-600">{t("addIntro")}</p>
      </div>
      <QueryNotice invalid={invalid} />
      <form method="get" role="search" className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-4">
        <div className="min-w-64 flex-1">
          <label htmlFor="partner-q" className="block text-sm font-medium text-slate-700">
            {t("searchLabel")}
          </label>
          <input
            id="partner-q"
            name="q"
            type="search"
            defaultValue={q}
            minLength={2}
            maxLength={100}
            required
            aria-describedby="partner-q-help"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          <p id="partner-q-help" className="mt-1 text-xs text-slate-500">
            {t("searchHelp")}
          </p>
        </div>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
          {t("search")}
        </button>
      </form>

      {results ? (
        results.length === 0 ? (
          <p role="status" className="text-sm text-slate-700">
            {t("noResults", { q })}
          </p>
        ) : (
          <form method="get" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <input type="hidden" name="q" value={q} />
            <fieldset>
              <legend className="text-sm font-semibold text-slate-800">{t("results")}</legend>
              <ul className="mt-2 space-y-2">
                {results.map((p, i) => (
                  <li key={p.id}>
                    <label className="flex items-start gap-2 text-sm">
                      <input type="radio" name="partner" value={p.id} required defaultChecked={results.length === 1 && i === 0} className="mt-1" />
                      <span>
                        <span className="font-medium">{p.displayName}</span>
                        <span className="block text-slate-600">
                          {p.contactEmail} · {p.website}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <button type="submit" className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 text-sm font-medium text-white">
              {t("continue")}
            </button>
          </form>
        )
      ) : null}
    </div>
  );
}
