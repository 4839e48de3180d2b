import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The pages of one Organization a legal representative opens from the navigation, relative to `/{org}/`.
 * The page checks (axe, browser errors) and the narrow-screen checks both walk this list.
 */
export const ORG_PAGES = ["dashboard", "users", "users/invite", "teams", "products", "tags", "organization", "activity", "api-tokens", "invoices", "orders", "payments", "payments?all=1", "payments/renewals", "mail", "drive", "chat", "support", "partner-programme"];

/** The Organization's pages that name its partners (so not in a walk that checks no other tenant shows). */
export const PARTNER_PAGES = ["partners", "partners/add"];

/** The person's own pages. */
export const ACCOUNT_PAGES = ["/account/security", "/account/support-access", "/account/api-tokens"];

/**
 * The console's pages without a path parameter of their own (`app/(console)/[org]/…/page.tsx`), relative to
 * `/{org}/`, so a test can fail when a new one is missing from `ORG_PAGES`. `[org]/page.tsx` only sends
 * the visitor to the dashboard.
 */
export function staticOrgPages(): string[] {
  const root = path.resolve("app/(console)/[org]");
  const found: string[] = [];
  const walk = (dir: string, rel: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith("[")) walk(path.join(dir, entry.name), [...rel, entry.name]);
      else if (entry.isFile() && entry.name === "page.tsx" && rel.length > 0) found.push(rel.join("/"));
    }
  };
  walk(root, []);
  return found.sort();
}
