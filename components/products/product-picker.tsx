"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { ProductOption, ProductOptionsPage } from "@/lib/products/list-product-options";
import { useProductOptions } from "./use-product-options";

type Held = { member: string; page: ProductOptionsPage };

type Props = {
  orgId: string;
  /** The category codes, in display order, for the filter (labels from `categories.*`). */
  categories: string[];
  /** The first page of the products that may be picked (server-rendered); the rest is fetched. */
  initial: ProductOptionsPage;
  /** The form field that receives each product picked (one hidden input per id). */
  name: string;
  /** Products the member already holds directly: shown as selected; removing one submits it under `removeName`. */
  granted?: Held;
  removeName?: string;
  /** Products held another way (through a team): listed read-only with `lockedNote`. */
  locked?: Held & { note: string };
  /** Nothing can be changed; only what is held is listed. */
  readOnly?: boolean;
  /** The ids of the texts that describe the picker (help, error). */
  describedBy?: string;
  /** Only products of this category may be picked: the category filter is then not shown. */
  fixedCategory?: string;
};

/**
 * ORG-2/ORG-5/ORG-6 (PRT-3 next): one product picker for any number of products. A search field and a
 * category filter narrow a checkbox list that shows one page at a time ("show more" fetches the next);
 * the count of matches is announced politely; the products picked are listed as removable chips and
 * submitted as hidden inputs, so the form's server action receives plain ids and checks them again.
 */
export function ProductPicker({ orgId, categories, initial, name, granted, removeName, locked, readOnly = false, describedBy, fixedCategory }: Props) {
  const t = useTranslations("productPicker");
  const tCat = useTranslations("categories");
  const categoryLabel = (code: string) => (tCat.has(code) ? tCat(code) : code);
  const id = useId();
  const [text, setText] = useState("");
  const [chosenCategory, setCategory] = useState("");
  const category = fixedCategory ?? chosenCategory;
  const [added, setAdded] = useState<ProductOption[]>([]);
  const [removed, setRemoved] = useState<ProductOption[]>([]);
  const results = useProductOptions(orgId, initial, { q: text, category });
  const held = useProductOptions(orgId, granted?.page ?? EMPTY, { member: granted?.member, held: "direct" });
  const viaTeams = useProductOptions(orgId, locked?.page ?? EMPTY, { member: locked?.member, held: "teams" });

  const heldIds = new Set(held.items.map((p) => p.id));
  const isSelected = (p: ProductOption) => added.some((a) => a.id === p.id) || (heldIds.has(p.id) && !removed.some((r) => r.id === p.id));
  const without = (list: ProductOption[], p: ProductOption) => list.filter((x) => x.id !== p.id);
  function toggle(p: ProductOption, on: boolean) {
    if (heldIds.has(p.id)) setRemoved((r) => (on ? without(r, p) : [...without(r, p), p]));
    else setAdded((a) => (on ? [...without(a, p), p] : without(a, p)));
  }
  const selected = [...held.items.filter((p) => !removed.some((r) => r.id === p.id)), ...added];
  const selectedCount = (granted ? held.total : 0) - removed.length + added.length;
  const lockedIds = new Set(viaTeams.items.map((p) => p.id));

  const chip = (p: ProductOption) => (
    <li key={p.id} className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-slate-50 py-0.5 pr-1 pl-2 text-sm">
      <span>{p.name}</span>
      <span className="text-xs text-slate-500">{categoryLabel(p.category)}</span>
      {readOnly ? null : (
        <button
          type="button"
          onClick={() => toggle(p, false)}
          aria-label={t("remove", { name: p.name })}
          className="rounded-full px-1 text-slate-600 hover:bg-slate-200 focus:outline-2 focus:outline-brand-600"
        >
          <span aria-hidden="true">×</span>
        </button>
      )}
    </li>
  );
  const more = (list: typeof held, label: string) =>
    list.nextCursor ? (
      <button type="button" onClick={list.loadMore} disabled={list.loading} className="mt-1 text-sm text-brand-700 underline disabled:opacity-60">
        {label}
      </button>
    ) : null;

  return (
    <div className="mt-2 space-y-3" data-testid="product-picker">
      {added.map((p) => <input key={p.id} type="hidden" name={name} value={p.id} />)}
      {removeName ? removed.map((p) => <input key={p.id} type="hidden" name={removeName} value={p.id} />) : null}

      {granted || added.length ? (
        <section aria-labelledby={`${id}-selected`}>
          <h3 id={`${id}-selected`} className="text-sm font-semibold text-slate-800">{t("selected", { count: selectedCount })}</h3>
          {selected.length === 0 ? <p className="text-sm text-slate-600">{t("noneSelected")}</p> : <ul className="mt-1 flex flex-wrap gap-2">{selected.map(chip)}</ul>}
          {more(held, t("showMoreSelected"))}
        </section>
      ) : null}

      {locked && viaTeams.items.length ? (
        <section aria-labelledby={`${id}-locked`}>
          <h3 id={`${id}-locked`} className="text-sm font-semibold text-slate-800">{t("viaTeams", { count: viaTeams.total })}</h3>
          <p className="text-xs text-slate-500">{locked.note}</p>
          <ul className="mt-1 flex flex-wrap gap-2" data-testid="product-picker-locked">
            {viaTeams.items.map((p) => (
              <li key={p.id} className="rounded-full border border-slate-200 px-2 py-0.5 text-sm text-slate-600">{p.name}</li>
            ))}
          </ul>
          {more(viaTeams, t("showMoreViaTeams"))}
        </section>
      ) : null}

      {readOnly ? null : (
        <div className="space-y-2">
          <div className="flex flex-wrap gap-2">
            <div className="min-w-48 flex-1">
              <label htmlFor={`${id}-q`} className="block text-sm font-medium text-slate-700">{t("search")}</label>
              <input
                id={`${id}-q`}
                type="search"
                value={text}
                maxLength={100}
                autoComplete="off"
                aria-controls={`${id}-results`}
                aria-describedby={describedBy}
                onChange={(e) => setText(e.target.value)}
                // Enter searches (it already does as one types); it must not submit the surrounding form.
                onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
              />
            </div>
            {fixedCategory ? null : <div>
              <label htmlFor={`${id}-category`} className="block text-sm font-medium text-slate-700">{t("category")}</label>
              <select
                id={`${id}-category`}
                value={category}
                aria-controls={`${id}-results`}
                onChange={(e) => setCategory(e.target.value)}
                className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
              >
                <option value="">{t("allCategories")}</option>
                {categories.map((code) => <option key={code} value={code}>{categoryLabel(code)}</option>)}
              </select>
            </div>}
          </div>
          <p role="status" aria-live="polite" className="text-xs text-slate-600">
            {results.failed ? t("failed") : results.loading ? t("loading") : results.capped ? t("foundMany", { count: results.total }) : t("found", { count: results.total })}
          </p>
          <ul id={`${id}-results`} aria-label={t("results")} aria-busy={results.loading} className="max-h-72 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
            {results.items.map((p) => {
              const viaTeam = lockedIds.has(p.id);
              return (
                <li key={p.id}>
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={viaTeam || isSelected(p)} disabled={viaTeam} onChange={(e) => toggle(p, e.target.checked)} />
                    <span>{p.name}</span>
                    <span className="text-xs text-slate-500">{categoryLabel(p.category)}</span>
                    {viaTeam ? <span className="text-xs text-slate-500">({locked?.note})</span> : null}
                  </label>
                </li>
              );
            })}
          </ul>
          {more(results, t("showMore"))}
        </div>
      )}
    </div>
  );
}

const EMPTY: ProductOptionsPage = { items: [], nextCursor: null, total: 0, capped: false };
