/**
 * A list page's link with its URL-held filters (shareable views): empty values and defaults are left out
 * so links stay short.
 */
export function listHref(path: string, params: Record<string, string | number | undefined | null>, defaults: Record<string, string> = {}): string {
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    const text = String(value);
    if (defaults[key] === text) continue;
    sp.set(key, text);
  }
  const qs = sp.toString();
  return `${path}${qs ? `?${qs}` : ""}`;
}

/** A page's query string as Next.js hands it over. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter (`?tag=a&tag=b` keeps `a`). */
export const firstParam = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
