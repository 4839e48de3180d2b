import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { MISSING_MESSAGE_PATTERN } from "@/lib/i18n/missing-message";
import { sql } from "./helpers";

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

/** Every message key path of the catalogues (`products.title`): next-intl shows one where a message is missing. */
const KEY_PATHS: ReadonlySet<string> = (() => {
  const paths = new Set<string>();
  const walk = (node: unknown, prefix: string) => {
    if (node === null || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node)) {
      const p = prefix ? `${prefix}.${k}` : k;
      if (prefix) paths.add(p);
      walk(v, p);
    }
  };
  for (const l of ["en", "fr", "de", "it"]) walk(JSON.parse(readFileSync(path.resolve(`lib/i18n/messages/${l}.json`), "utf8")), "");
  return paths;
})();

/**
 * Untranslated text of the current page: the marker the end-to-end server renders for a message missing
 * on the server (lib/i18n/request.ts), or a catalogue key path shown as text (next-intl's fallback in the
 * browser), in the body or the title.
 */
export async function untranslatedText(page: Page): Promise<string[]> {
  const text = `${await page.title()}\n${await page.locator("body").innerText()}`;
  const found = new Set<string>();
  for (const m of text.matchAll(MISSING_MESSAGE_PATTERN)) found.add(m[0]);
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+/g)) if (KEY_PATHS.has(m[0])) found.add(m[0]);
  return [...found];
}

/**
 * Visits a page and notes, for a report at the end of the test, whether it failed to answer, threw in
 * the browser or has serious accessibility problems; with `locale`, also whether it speaks another
 * language or shows an untranslated message.
 */
export async function visit(page: Page, url: string, problems: string[], locale?: string) {
  const errors: string[] = [];
  const onError = (err: Error) => errors.push(err.message);
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === "error") errors.push(m.text());
  };
  page.on("pageerror", onError);
  page.on("console", onConsole);
  let response: Awaited<ReturnType<Page["goto"]>>;
  try {
    response = await page.goto(url);
    await page.waitForLoadState("networkidle");
  } catch (err) {
    // Noted like any other problem, so one page does not hide what the rest of the walk finds.
    problems.push(`${url}: ${(err as Error).message.split("\n")[0]}`);
    return;
  } finally {
    page.off("pageerror", onError);
    page.off("console", onConsole);
  }
  if ((response?.status() ?? 500) >= 400) problems.push(`${url}: HTTP ${response?.status()}`);
  for (const e of errors) problems.push(`${url}: ${e}`);
  if (locale) {
    const lang = await page.locator("html").getAttribute("lang");
    if (lang !== locale) problems.push(`${url}: in ${lang} instead of ${locale}`);
    for (const u of await untranslatedText(page)) problems.push(`${url} (${locale}): untranslated ${u}`);
  }
  for (const a of await accessibilityProblems(page)) problems.push(`${url}${locale ? ` (${locale})` : ""}: ${a}`);
}

/** The languages every page is walked in. */
export const LANGUAGES = ["en", "fr", "de", "it"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The second sign-in step and its help, for a session that waits for it. */
export const SECOND_STEP_PAGES = ["/sign-in/two-factor", "/sign-in/two-factor/help"];
/** A signed-in person without any Organization. */
export const NO_ORGANIZATION_PAGES = ["/no-organization"];

/**
 * A page with a path parameter, reached by the first link to it found on one of `from` (a URL, or a route
 * of this list already reached: its URL). `{org}` stands for the Organization walked.
 */
export type DetailPage = { route: string; from: string[]; idFrom?: string };

export const ORG_DETAIL_PAGES: DetailPage[] = [
  { route: "/[org]/products/[productId]", from: ["/{org}/products"] },
  { route: "/[org]/orders/[orderId]", from: ["/{org}/orders"] },
  { route: "/[org]/invoices/[invoiceId]", from: ["/{org}/invoices"] },
  // Opened on the way back from the payment page of the provider, not from a list: its id comes from the demo data.
  { route: "/[org]/payments/[paymentId]", from: [], idFrom: `SELECT id FROM "Payment" WHERE "orgId" = $1 ORDER BY "createdAt" LIMIT 1` },
  { route: "/[org]/teams/[teamId]", from: ["/{org}/teams"] },
  { route: "/[org]/users/[membershipId]", from: ["/{org}/users"] },
  { route: "/[org]/mail/[mailboxId]", from: ["/{org}/mail"] },
  { route: "/[org]/drive/[folderId]", from: ["/{org}/drive"] },
  { route: "/[org]/chat/[channelId]", from: ["/{org}/chat"] },
  { route: "/[org]/support/[requestId]", from: ["/{org}/support"] },
  { route: "/[org]/partners/[partnershipId]", from: ["/{org}/partners"] },
];

export const RESELLER_DETAIL_PAGES: DetailPage[] = [
  { route: "/reseller/[partnerId]/profile", from: ["/reseller"] },
  { route: "/reseller/[partnerId]/managers", from: ["/reseller", "/reseller/[partnerId]/profile"] },
  { route: "/reseller/[partnerId]/cashback", from: ["/reseller", "/reseller/[partnerId]/profile"] },
  { route: "/reseller/tenders/[tenderId]", from: ["/reseller/tenders"] },
];

export const BACKOFFICE_DETAIL_PAGES: DetailPage[] = [
  { route: "/backoffice/verifications/[caseId]", from: ["/backoffice/verifications"] },
  { route: "/backoffice/partner-applications/[applicationId]", from: ["/backoffice/partner-applications"] },
  { route: "/backoffice/support/[requestId]", from: ["/backoffice/support"] },
  { route: "/backoffice/support/[requestId]/mail/[mailboxId]", from: ["/backoffice/support/[requestId]"] },
  { route: "/backoffice/support/[requestId]/drive/[folderId]", from: ["/backoffice/support/[requestId]"] },
  { route: "/backoffice/support/[requestId]/chat/[channelId]", from: ["/backoffice/support/[requestId]"] },
];

/** Pages no walk visits, and why. */
export const UNWALKED_ROUTES: Record<string, string> = {
  "/": "only sends the visitor on",
  "/[org]": "only sends the visitor to the Organization's dashboard",
  "/faults/[kind]": "fails on purpose, to prove the error pages (error-pages.spec.ts)",
  "/sandbox/pay/[checkout]": "the payment provider's stand-in in development, not a page of the Manager",
};

/** Every page of the app (each `page.tsx` under `app/`) as a route: route groups `(name)` leave no trace in the URL. */
export function pageRoutes(appDir = path.resolve("app"), file = /^page\.tsx$/): string[] {
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("@") || (segments.length === 0 && entry.name === "api")) continue;
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (file.test(entry.name)) found.push(`/${segments.join("/")}`);
    }
  };
  walk(appDir, []);
  return [...new Set(found)].sort();
}

/** The route a URL opens (static segments win over parameters), or null. */
export function routeOf(url: string, routes = pageRoutes()): string | null {
  const parts = new URL(url, "http://x").pathname.split("/").filter(Boolean);
  const matching = routes.filter((r) => {
    const segs = r.split("/").filter(Boolean);
    return segs.length === parts.length && segs.every((s, i) => s.startsWith("[") || s === parts[i]);
  });
  const staticCount = (r: string) => r.split("/").filter((s) => s && !s.startsWith("[")).length;
  return matching.sort((a, b) => staticCount(b) - staticCount(a))[0] ?? null;
}

/** The routes the walks of pages.spec.ts visit. */
export function walkedRoutes(): string[] {
  const routes = pageRoutes();
  const urls = [
    ...PUBLIC_PAGES,
    ...STALE_LINK_PAGES,
    ...ACCOUNT_PAGES,
    ...[...ORG_PAGES, ...PARTNER_PAGES].map((p) => `/an-org/${p}`),
    ...BACKOFFICE_PAGES,
    ...RESELLER_PAGES,
    ...SECOND_STEP_PAGES,
    ...NO_ORGANIZATION_PAGES,
  ];
  const walked = new Set(urls.map((u) => routeOf(u, routes)).filter((r): r is string => r !== null));
  for (const d of [...ORG_DETAIL_PAGES, ...RESELLER_DETAIL_PAGES, ...BACKOFFICE_DETAIL_PAGES]) walked.add(d.route);
  return [...walked].sort();
}

/**
 * Visits each detail page: finds a link to its route on one of its `from` pages, then visits it. A page
 * that none of them links to is a problem (the demo data should give every page something to show).
 * `known` gives the URL of a route to walk instead of searching for one; `idFrom` reads the id of a page
 * no list links to from the database (`$1`: the Organization).
 */
export async function visitDetails(page: Page, details: DetailPage[], org: string, problems: string[], locale?: string, known = new Map<string, string>()) {
  // Route handlers too (`products/export`), so a link to a download is not taken for a detail page.
  const routes = [...pageRoutes(), ...pageRoutes(path.resolve("app"), /^route\.ts$/)];
  const reached = new Map<string, string>();
  for (const d of details) {
    let url: string | null = known.get(d.route) ?? null;
    if (!url && d.idFrom) {
      const [row] = await sql<{ id: string }>(d.idFrom, [org]);
      if (row) url = d.route.replace("[org]", org).replace(/\[[^\]]+\]$/, row.id);
    }
    for (const from of url ? [] : d.from) {
      const source = from.includes("[") ? reached.get(from) : from.replace("{org}", org);
      if (!source) continue;
      await page.goto(source);
      await page.waitForLoadState("domcontentloaded");
      const hrefs = await page.locator("main a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      url = hrefs.find((h) => routeOf(h, routes) === d.route) ?? null;
      if (url) break;
    }
    if (!url) {
      problems.push(`${d.route}: no link to it on ${d.from.join(", ") || "no page"}${d.idFrom ? ", no id in the database" : ""}`);
      continue;
    }
    reached.set(d.route, url);
    await visit(page, url, problems, locale);
  }
}

/**
 * A stand-in for a demo user, walked in `locale`: a new account with the same password, names, staff role,
 * authenticator app and (unless `memberships` is false) the same memberships, its saved language set to
 * `locale`. The demo users keep theirs, so tests that expect them in their own language are not disturbed.
 */
export async function standIn(demoEmail: string, locale: Language, { memberships = true } = {}): Promise<{ id: string; email: string }> {
  const id = `walk${randomUUID().replaceAll("-", "")}`;
  const email = `walk-${locale}-${demoEmail.split("@")[0]}-${id.slice(-8)}@example.test`;
  const [demo] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [demoEmail]);
  await sql(
    `INSERT INTO "User" (id, email, "passwordHash", "firstName", "lastName", locale, "timeZone", "staffRole", "emailVerifiedAt", "createdAt", "updatedAt")
     SELECT $1, $2, "passwordHash", 'Walker', $3, $4::"Locale", "timeZone", "staffRole", "emailVerifiedAt", now(), now() FROM "User" WHERE id = $5`,
    [id, email, `${locale.toUpperCase()} ${demoEmail.split("@")[0]}`, locale, demo.id],
  );
  if (memberships) {
    await sql(
      `INSERT INTO "Membership" (id, "orgId", "userId", role, "contactPrefs", "createdAt", "updatedAt")
       SELECT 'walk' || md5(random()::text || id), "orgId", $1, role, "contactPrefs", "createdAt", now() FROM "Membership" WHERE "userId" = $2`,
      [id, demo.id],
    );
  }
  await sql(
    `INSERT INTO "TwoFactorMethod" (id, "userId", type, label, "secretEncrypted", "isDefault", "confirmedAt", "createdAt")
     SELECT 'walk' || md5(random()::text || id), $1, type, label, "secretEncrypted", "isDefault", "confirmedAt", now() FROM "TwoFactorMethod" WHERE "userId" = $2 AND type = 'TOTP'`,
    [id, demo.id],
  );
  return { id, email };
}

/**
 * Removes stand-ins and what their walk wrote: the user (its memberships, sessions, devices, 2FA methods and
 * tokens go with it), its lines in the activity logs, the mails to its address and its attempt counters. The
 * demo Organizations are then as the seed left them for the specs that count their members.
 */
export async function removeStandIns(standIns: { id: string; email: string }[]) {
  if (standIns.length === 0) return;
  const ids = standIns.map((s) => s.id);
  const emails = standIns.map((s) => s.email);
  await sql(`DELETE FROM "AuditLog" WHERE "actorId" = ANY($1) OR "targetId" = ANY($1)`, [ids]);
  await sql(`DELETE FROM "EmailOutbox" WHERE "toAddress" = ANY($1)`, [emails]);
  await sql(`DELETE FROM rate_limits WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) k WHERE position(k IN key) > 0)`, [[...ids, ...emails]]);
  await sql(`DELETE FROM "User" WHERE id = ANY($1)`, [ids]);
}

/** What is left of stand-ins: users, memberships, activity-log lines (all zero once `removeStandIns` ran). */
export async function standInsLeft(standIns: { id: string; email: string }[]) {
  const ids = standIns.map((s) => s.id);
  const [row] = await sql<{ users: number; memberships: number; audit: number }>(
    `SELECT (SELECT count(*)::int FROM "User" WHERE id = ANY($1) OR email = ANY($2)) AS users,
            (SELECT count(*)::int FROM "Membership" WHERE "userId" = ANY($1)) AS memberships,
            (SELECT count(*)::int FROM "AuditLog" WHERE "actorId" = ANY($1) OR "targetId" = ANY($1)) AS audit`,
    [ids, standIns.map((s) => s.email)],
  );
  return row;
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
