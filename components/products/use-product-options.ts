"use client";

import { useCallback, useEffect, useState } from "react";
import type { ProductOptionsPage } from "@/lib/products/list-product-options";

const DEBOUNCE_MS = 200;

/** What a picker asks for: the text typed, a category, or what a member already holds. */
export type ProductQuery = { q?: string; category?: string; member?: string; held?: "direct" | "teams" };

/** The form a query is matched in: spaces collapsed, any case (the server matches any case too). */
export function productQueryKey(query: ProductQuery): string {
  const q = (query.q ?? "").replace(/\s+/g, " ").trim().toLocaleLowerCase().slice(0, 100);
  return JSON.stringify([q, query.category ?? "", query.member ?? "", query.held ?? ""]);
}

function optionsUrl(orgId: string, key: string, cursor: string | null): string {
  const params = new URLSearchParams();
  const [q, category, member, held] = JSON.parse(key) as string[];
  if (q) params.set("q", q);
  if (category) params.set("category", category);
  if (member) params.set("member", member);
  if (held) params.set("held", held);
  if (cursor) params.set("cursor", cursor);
  return `/${encodeURIComponent(orgId)}/products/options?${params}`;
}

async function fetchPage(url: string, signal: AbortSignal): Promise<ProductOptionsPage | null> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  return res.ok ? ((await res.json()) as ProductOptionsPage) : null;
}

export type ProductOptions = ProductOptionsPage & { loading: boolean; failed: boolean; loadMore: () => void };

/**
 * ORG-2/ORG-5/ORG-6: the products a picker shows for `query`. `initial` (server-rendered) answers the
 * empty query; any other is asked of `/{org}/products/options` (debounced, the previous request
 * cancelled, answers cached per query) and, meanwhile, the last answer stays on screen so the list never
 * empties while typing. `loadMore` appends the next keyset page of the current query. A new `initial`
 * (the page was refreshed after a change) drops the cache.
 */
export function useProductOptions(orgId: string, initial: ProductOptionsPage, query: ProductQuery): ProductOptions {
  const key = productQueryKey(query);
  const emptyKey = productQueryKey({ member: query.member, held: query.held });
  const [cache, setCache] = useState({ initial, answers: {} as Record<string, ProductOptionsPage>, shown: emptyKey });
  const [state, setState] = useState({ loadingMore: false, failed: false });
  const fresh = cache.initial !== initial;
  if (fresh) setCache({ initial, answers: {}, shown: emptyKey });
  const answers: Record<string, ProductOptionsPage> = fresh ? { [emptyKey]: initial } : { [emptyKey]: cache.initial, ...cache.answers };

  const page = answers[key];
  const missing = page === undefined;
  useEffect(() => {
    if (!missing) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetchPage(optionsUrl(orgId, key, null), abort.signal)
        .then((answer) => {
          setState({ loadingMore: false, failed: answer === null });
          if (answer) setCache((c) => (c.initial === initial ? { ...c, answers: { ...c.answers, [key]: answer }, shown: key } : c));
        })
        .catch(() => {
          if (!abort.signal.aborted) setState({ loadingMore: false, failed: true });
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [orgId, initial, key, missing]);

  const current = page ?? answers[cache.shown] ?? initial;
  const cursor = page?.nextCursor ?? null;
  const loadMore = useCallback(() => {
    if (!cursor) return;
    setState({ loadingMore: true, failed: false });
    const abort = new AbortController();
    fetchPage(optionsUrl(orgId, key, cursor), abort.signal)
      .then((next) => {
        setState({ loadingMore: false, failed: next === null });
        if (!next) return;
        setCache((c) => {
          const before = key === emptyKey ? c.answers[key] ?? c.initial : c.answers[key];
          if (!before || before.nextCursor !== cursor) return c;
          const merged = { ...next, items: [...before.items, ...next.items.filter((p) => !before.items.some((b) => b.id === p.id))] };
          return { ...c, answers: { ...c.answers, [key]: merged }, shown: key };
        });
      })
      .catch(() => setState({ loadingMore: false, failed: true }));
  }, [orgId, key, emptyKey, cursor]);

  return { ...current, nextCursor: page ? page.nextCursor : null, loading: missing || state.loadingMore, failed: state.failed, loadMore };
}
