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
