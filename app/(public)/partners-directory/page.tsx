import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import type { SearchParams } from "@/lib/http/list-href";
import { getTranslations } from "next-intl/server";
import { LanguagePicker } from "@/components/language-picker";
import { ThemePicker } from "@/components/theme/theme-picker";
import { FilterForm, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import { getDb } from "@/lib/db";
import { PARTNER_REGIONS, PARTNER_SPECIALITIES } from "@/lib/partners/directory-options";
import { searchDirectory } from "@/lib/partners/search-directory";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("partnersDirectory"))("title") };
}

/** SEC-5: a search or filter this refuses (too long, a NUL, unknown) falls back to every partner, with a notice. */
const querySchema = z.object({ q: queryText(100), region: z.enum(PARTNER_REGIONS).optional(), speciality: z.enum(PARTNER_SPECIALITIES).optional() });

/** PRT-1: the public partner directory (no sign-in): approved partners that chose to be listed. */
export default async function PartnersDirectoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { query: asked, invalid } = parsePageQuery(querySchema, await searchParams);
  const [{ filters, partners, more }, t] = await Promise.all([
    searchDirectory(getDb(), asked),
    getTranslations("partnersDirectory"),
  ]);
  const filtered = !!(filters.q || filters.region || filters.speciality);
  return (
    <div className="mx-auto max-w-5xl px-6 py-8">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <ThemePicker />
          <LanguagePicker />
        </div>
      </header>
      <main id="main" className="mt-4 space-y-6">
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <QueryNotice invalid={invalid} />
        <FilterForm action="/partners-directory" label={t("search")} submitLabel={t("apply")} clear={filtered ? { href: "/partners-directory", label: t("clear") } : null}>
          <SearchFilter id="dir-q" name="q" label={t("name")} value={filters.q} maxLength={100} />
          <SelectFilter id="dir-region" name="region" label={t("region")} allLabel={t("allRegions")} value={filters.region} options={PARTNER_REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))} />
          <SelectFilter
            id="dir-speciality"
            name="speciality"
            label={t("speciality")}
            allLabel={t("allSpecialities")}
            value={filters.speciality}
            options={PARTNER_SPECIALITIES.map((s) => ({ value: s, label: t(`specialities.${s}`) }))}
          />
        </FilterForm>
        <p className="text-sm text-slate-600" aria-live="polite">
          {t("count", { count: partners.length })}
        </p>
        {partners.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-600">{t("empty")}</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2" aria-label={t("results")}>
            {partners.map((p) => (
              <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="directory-partner">
                <h2 className="text-lg font-semibold">{p.displayName}</h2>
                <p className="text-sm">
                  <a href={p.website} className="text-brand-700 underline" rel="noopener noreferrer nofollow" target="_blank">
                    {p.website.replace(/^https?:\/\//, "")}
                  </a>
                </p>
                {p.region ? <p className="mt-1 text-sm text-slate-700">{t(`regions.${p.region as (typeof PARTNER_REGIONS)[number]}`)}</p> : null}
                {p.specialities.length > 0 ? (
                  <ul className="mt-2 flex flex-wrap gap-1" aria-label={t("specialitiesOf", { name: p.displayName })}>
                    {p.specialities
                      .filter((s): s is (typeof PARTNER_SPECIALITIES)[number] => (PARTNER_SPECIALITIES as readonly string[]).includes(s))
                      .map((s) => (
                        <li key={s} className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                          {t(`specialities.${s}`)}
                        </li>
                      ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {more ? <p className="text-sm text-slate-600">{t("more")}</p> : null}
      </main>
    </div>
  );
}
