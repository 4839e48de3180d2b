import AxeBuilder from "@axe-core/playwright";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

/** The pages every accessibility check visits (pages.spec.ts; responsive.spec.ts at two sizes in both themes; theme.spec.ts public pages in the dark one). */
export const ORG_PAGES = [
  "dashboard",
  "users",
  "users/invite",
  "teams",
  "products",
  "tags",
  "organization",
  "activity",
  "api-tokens",
  "invoices",
  "orders",
  "payments",
  "payments?all=1",
  "payments/renewals",
  "payments/prepaid",
  "mail",
  "drive",
  "chat",
  "support",
  "partner-programme",
];
export const PUBLIC_PAGES = [
  "/sign-in",
  "/sign-in/help",
  "/sign-in/help?reason=FORGOTTEN_LOGIN",
  "/sign-up",
  "/forgot-password",
  "/api-docs",
  "/device",
  "/mailbox",
  "/tenders/new",
  "/partners-directory",
  "/partners-directory?q=helvetic&region=CH_GERMAN",
];
/** Links that are wrong or used up answer a clear page, not an error. */
export const STALE_LINK_PAGES = [
  "/invitations/not-a-real-token",
  "/reset-password/not-a-real-token",
  "/confirm-email/not-a-real-token",
  "/verify/not-a-real-secret",
  "/device/pair/not-a-real-secret",
  "/tenders/view/not-a-real-secret",
  "/tenders/cancel/not-a-real-secret",
  "/partner-invitations/not-a-real-token",
];
export const ACCOUNT_PAGES = [
  "/account/security",
  "/account/support-access",
  "/account/api-tokens",
  "/account/calendar",
  "/account/privacy",
];
/** The Organization's pages that name its partners (so not in a walk that checks no other tenant shows). */
export const PARTNER_PAGES = ["partners", "partners/add"];
/** The reseller area: pages of its own, then those of one partner, relative to `/reseller/{partnerId}/`. */
export const RESELLER_PAGES = ["/reseller", "/reseller/tenders"];
export const RESELLER_PARTNER_PAGES = ["profile", "managers", "cashback"];
/** The back office (staff). */
export const BACKOFFICE_PAGES = [
  "/backoffice",
  "/backoffice/verifications",
  "/backoffice/support",
  "/backoffice/grants",
  "/backoffice/transfers",
  "/backoffice/partner-applications",
];
/** List pages whose first entry's detail page is walked too (relative to `/{org}/`, or absolute). */
export const ORG_DETAIL_LISTS = ["products", "invoices", "teams", "users", "support"];
export const BACKOFFICE_DETAIL_LISTS = ["/backoffice/verifications", "/backoffice/support", "/backoffice/partner-applications"];

/**
 * The console's pages without a path parameter of their own (`app/(console)/[org]/…/page.tsx`), relative to
 * `/{org}/`, so a test can fail when a new one is missing from `ORG_PAGES`. `[org]/page.tsx` only sends
 * the visitor to the dashboard.
 */
export function staticOrgPages(): string[] {
  return consolePages("[org]").filter((p) => p !== "" && !p.includes("["));
}

/**
 * Every page of the console under `app/(console)/<dir>`, as a URL path relative to it, path parameters
 * kept as written (`[partnerId]/profile`).
 */
export function consolePages(dir: string): string[] {
  const root = path.resolve("app/(console)", dir);
  const found: string[] = [];
  const walk = (dir: string, rel: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      // A route group such as `(list)` adds nothing to the URL.
      if (entry.isDirectory() && entry.name.startsWith("(")) walk(path.join(dir, entry.name), rel);
      else if (entry.isDirectory()) walk(path.join(dir, entry.name), [...rel, entry.name]);
      else if (entry.isFile() && entry.name === "page.tsx") found.push(rel.join("/"));
    }
  };
  walk(root, []);
  return found.sort();
}

/** Serious and critical WCAG 2.1 A/AA violations on the current page, as readable lines. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(" | ")}`,
    );
}

/**
 * Visits a page and notes, for a report at the end of the test, whether it failed to answer, threw in
 * the browser or has serious accessibility problems.
 */
export async function visit(page: Page, url: string, problems: string[]) {
  const errors: string[] = [];
  const onError = (err: Error) => errors.push(err.message);
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === "error") errors.push(m.text());
  };
  page.on("pageerror", onError);
  page.on("console", onConsole);
  const response = await page.goto(url);
  await page.waitForLoadState("networkidle");
  page.off("pageerror", onError);
  page.off("console", onConsole);
  if ((response?.status() ?? 500) >= 400) problems.push(`${url}: HTTP ${response?.status()}`);
  for (const e of errors) problems.push(`${url}: ${e}`);
  for (const a of await accessibilityProblems(page)) problems.push(`${url}: ${a}`);
}

/**
 * What is wrong with the page on screen at the current width: a page that scrolls sideways as a whole
 * (naming the innermost elements that stick out, what to fix).
 */
export async function overflowProblems(page: Page): Promise<string[]> {
  const width = page.viewportSize()?.width;
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const wide = [...document.body.querySelectorAll<HTMLElement>("*")].filter(
      (el) => el.getBoundingClientRect().right > root.clientWidth + 1,
    );
    const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
    const name = (el: HTMLElement) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 4).join(".")}`;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: innermost.slice(0, 3).map(name) };
  });
  return overflow
    ? [`scrolls sideways at ${width}px (${overflow.scrollWidth} > ${overflow.clientWidth}): ${overflow.culprits.join(" | ")}`]
    : [];
}

/** `visit`, and the page must not scroll sideways as a whole at the current width. */
export async function visitFitting(page: Page, url: string, problems: string[]) {
  await visit(page, url, problems);
  for (const o of await overflowProblems(page)) problems.push(`${url}: ${o}`);
}
