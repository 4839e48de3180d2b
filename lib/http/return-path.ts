/**
 * A path inside the Manager to return to after signing in, or null. Only same-site paths are kept
 * (`/x…`, never `//host` or `/\host`), so a crafted link cannot send people to another site.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 500) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\\]/.test(value)) return null;
  return value;
}
