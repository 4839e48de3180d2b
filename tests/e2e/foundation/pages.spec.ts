import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET, signIn, signInWithTotp } from "../support/helpers";

/** Serious and critical WCAG 2.1 A/AA violations on the current page, as readable lines. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}

/**
 * Visits a page and notes, for a report at the end of the test, whether it failed to answer, threw in
 * the browser or has serious accessibility problems.
 */
async function visit(page: Page, url: string, problems: string[]) {
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

const ORG_PAGES = ["dashboard", "users", "users/invite", "teams", "products", "tags", "organization", "activity", "api-tokens", "invoices", "orders", "mail", "drive", "chat"];

test("[ORG-1] public pages render without errors or serious accessibility problems", async ({ page }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  const pages = ["/sign-in", "/sign-up", "/forgot-password", "/api-docs", "/device", "/mailbox"];
  // Links that are wrong or used up answer a clear page, not an error.
  const stale = ["/invitations/not-a-real-token", "/reset-password/not-a-real-token", "/confirm-email/not-a-real-token", "/verify/not-a-real-secret", "/device/pair/not-a-real-secret"];
  for (const url of [...pages, ...stale]) await visit(page, url, problems);
  expect(problems).toEqual([]);
});

test("[ORG-1] every console page of a legal representative renders without errors or serious accessibility problems", async ({ page }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  const org = new URL(page.url()).pathname.split("/")[1];
  for (const p of ORG_PAGES) await visit(page, `/${org}/${p}`, problems);
  await page.goto(`/${org}/products`);
  const product = page.getByTestId("product-row").first().locator(`a[href^="/${org}/products/"]`);
  await visit(page, (await product.getAttribute("href"))!, problems);
  await page.goto(`/${org}/orders`);
  const order = page.getByTestId("order-row").first().locator(`a[href^="/${org}/orders/"]`);
  if (await order.count()) await visit(page, (await order.getAttribute("href"))!, problems);
  await page.goto(`/${org}/teams`);
  const team = page.locator(`a[href^="/${org}/teams/"]`).first();
  await visit(page, (await team.getAttribute("href"))!, problems);
  await page.goto(`/${org}/users`);
  const member = page.locator(`a[href^="/${org}/users/"]:not([href$="/invite"])`).first();
  await visit(page, (await member.getAttribute("href"))!, problems);
  for (const kind of ["mail", "drive", "chat"]) {
    await page.goto(`/${org}/${kind}`);
    const first = page.locator(`main a[href^="/${org}/${kind}/"]`).first();
    await visit(page, (await first.getAttribute("href"))!, problems);
  }
  await page.goto(`/${org}/mail`);
  await page.locator(`main a[href^="/${org}/mail/"]`).first().click();
  await page.locator(`main a[href*="?message="]`).first().click();
  await visit(page, page.url(), problems);
  await visit(page, "/account/security", problems);
  await visit(page, "/account/support-access", problems);
  await visit(page, "/account/api-tokens", problems);
  expect(problems).toEqual([]);
});

test("[a11y] the reseller area renders without errors or serious accessibility problems", async ({ page }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  await signIn(page, "partner@example.com", DEMO_PASSWORD);
  await visit(page, "/reseller", problems);
  expect(problems).toEqual([]);
});

test("[PRD-3] a customer of another Organization sees none of Alpine Web's data on any page", async ({ page }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  await signIn(page, "jean@example.com", DEMO_PASSWORD);
  const org = new URL(page.url()).pathname.split("/")[1];
  for (const p of [...ORG_PAGES.map((x) => `/${org}/${x}`), "/account/security", "/account/api-tokens"]) {
    await visit(page, p, problems);
    await expect(page.locator("body")).not.toContainText(/Alpine|alpine-web|Atelier Dubois|Helvetic/);
  }
  expect(problems).toEqual([]);
});

test("[IDV-2] the back office renders without errors or serious accessibility problems", async ({ page }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  await signInWithTotp(page, "support@example.com", DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET);
  await expect(page).toHaveURL(/\/backoffice$/, { timeout: 20_000 });
  for (const url of ["/backoffice", "/backoffice/verifications", "/account/security"]) await visit(page, url, problems);
  expect(problems).toEqual([]);
});

test("[BIL-5] the back office's incoming transfers page renders without errors or serious accessibility problems", async ({ page }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  await signInWithTotp(page, "supervisor@example.com", DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET);
  await expect(page).toHaveURL(/\/backoffice$/, { timeout: 20_000 });
  await visit(page, "/backoffice/transfers", problems);
  expect(problems).toEqual([]);
});
