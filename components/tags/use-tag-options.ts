"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { TagOption } from "@/lib/tags/list-tags";

/** What a page hands a tag picker: the first tags by name, and whether they are all of them. */
export type TagOptionsPage = { tags: TagOption[]; complete: boolean };

const DEBOUNCE_MS = 150;

/** The form a query is matched in, on both sides: spaces collapsed, any case (as tag names are stored). */
export function tagQueryKey(query: string): string {
  return query.replace(/\s+/g, " ").trim().toLocaleLowerCase().slice(0, 40);
}

const matches = (tag: TagOption, key: string) => !key || tag.name.toLocaleLowerCase().includes(key);

// Tags created in this tab, per Organization: every picker shows them at once, before (and whether or
// not) a fresh page or answer includes them.
const created = new Map<string, TagOption[]>();
const listeners = new Set<() => void>();
const NONE: TagOption[] = [];

/** Makes a tag just created (from any picker) an option of every picker of its Organization. */
export function rememberCreatedTag(orgId: string, tag: TagOption) {
  const known = created.get(orgId) ?? NONE;
  if (known.some((t) => t.id === tag.id)) return;
  created.set(orgId, [...known, tag]);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What is known for `key` without asking: the whole list, a cached answer, or a complete shorter answer narrowed. */
function known(initial: TagOptionsPage, answers: Record<string, TagOptionsPage>, key: string): TagOptionsPage | null {
  if (!key) return initial;
  if (answers[key]) return answers[key];
  for (const [k, page] of [["", initial] as const, ...Object.entries(answers)]) {
    if (page.complete && key.includes(k)) return { tags: page.tags.filter((t) => matches(t, key)), complete: true };
  }
  return null;
}

/**
 * TAG-2/TAG-4: the tag options for what the user typed. When the page's first tags are all of them,
 * they are filtered here; otherwise the server is asked (debounced, the previous request cancelled,
 * answers cached per query) and, meanwhile, what was already loaded is narrowed so the list never
 * empties while typing. A new page (after a change on the server) drops the cache.
 */
export function useTagOptions(orgId: string, initial: TagOptionsPage, query: string): { options: TagOption[]; loading: boolean } {
  const key = tagQueryKey(query);
  const [cache, setCache] = useState({ initial, answers: {} as Record<string, TagOptionsPage> });
  const fresh = !sameOptions(cache.initial, initial);
  if (fresh) setCache({ initial, answers: {} });
  const base = fresh ? initial : cache.initial;
  const answers = fresh ? {} : cache.answers;
  const extra = useSyncExternalStore(subscribe, () => created.get(orgId) ?? NONE, () => NONE);

  const page = known(base, answers, key);
  const missing = page === null;
  useEffect(() => {
    if (!missing) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      const failed: TagOptionsPage = { tags: [], complete: false };
      void fetch(`/${encodeURIComponent(orgId)}/tags/options?q=${encodeURIComponent(key)}`, { signal: abort.signal, headers: { accept: "application/json" } })
        .then(async (res) => (res.ok ? ((await res.json()) as TagOptionsPage) : failed))
        .catch(() => (abort.signal.aborted ? null : failed))
        .then((answer) => {
          if (answer) setCache((c) => (c.initial === base ? { initial: base, answers: { ...c.answers, [key]: answer } } : c));
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [orgId, base, key, missing]);

  // While asking: the longest loaded answer that this query narrows, filtered, so the list never empties.
  let shown = page ?? base;
  if (!page) {
    let longest = "";
    for (const [k, p] of Object.entries(answers)) {
      if (k.length > longest.length && key.includes(k)) [longest, shown] = [k, p];
    }
  }
  const tags = shown.tags.filter((t) => matches(t, key));
  const added = extra.filter((t) => matches(t, key) && !tags.some((s) => s.id === t.id || s.name.toLocaleLowerCase() === t.name.toLocaleLowerCase()));
  const options = added.length ? [...tags, ...added].sort((a, b) => a.name.localeCompare(b.name)) : tags;
  return { options, loading: missing };
}

/** Same tags in the same order: a re-render with an equal list keeps the cache; a refreshed page drops it. */
function sameOptions(a: TagOptionsPage, b: TagOptionsPage): boolean {
  return a === b || (a.complete === b.complete && a.tags.length === b.tags.length && a.tags.every((t, i) => t.id === b.tags[i].id && t.name === b.tags[i].name && t.color === b.tags[i].color));
}
