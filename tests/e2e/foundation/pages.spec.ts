import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET, signIn, signInWithTotp, sql } from "../support/helpers";
import { accessibilityProblems, ORG_PAGES, PUBLIC_PAGES, STALE_LINK_PAGES, visit } from "../support/pages";

test("[ORG-1] public pages render without errors or serious accessibility problems", async ({ page }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  for (const url of [...PUBLIC_PAGES, ...STALE_LINK_PAGES]) await visit(page, url, problems);
  expect(problems).toEqual([]);
});

test("[ORG-1] every console page of a legal representative renders without errors or serious accessibility problems", async ({ page }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  const org = new URL(page.url()).pathname.split("/")[1];
  for (const p of ORG_PAGES) await visit(page, `/${org}/${p}`, problems);
  expect(problems).toEqual([]);
});

test("[ORG-1] every detail page a legal representative opens renders without errors or serious accessibility problems", async ({ page }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  const org = new URL(page.url()).pathname.split("/")[1];
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
  // The demo requests are Alpine Web's, whichever Organization the person landed in.
  const [{ id: alpine }] = await sql<{ id: string }>(`SELECT id FROM "Organization" WHERE name = 'Alpine Web Sàrl'`);
  await page.goto(`/${alpine}/support`);
  const request = page.getByTestId("support-request-row").first().locator(`a[href^="/${alpine}/support/"]`);
  await visit(page, (await request.getAttribute("href"))!, problems);
  // PRT-2 … PRT-7: the Partners page, the search of "Add a partner", a partner's page.
  await visit(page, `/${org}/partners`, problems);
  await visit(page, `/${org}/partners/add?q=Partners`, problems);
  const partnership = page.locator(`main a[href^="/${org}/partners/"]:not([href$="/add"])`).first();
  await page.goto(`/${org}/partners`);
  if (await partnership.count()) await visit(page, (await partnership.getAttribute("href"))!, problems);
  await visit(page, "/account/security", problems);
  await visit(page, "/account/support-access", problems);
  await visit(page, "/account/api-tokens", problems);
  await visit(page, "/account/calendar", problems);
  await visit(page, "/account/privacy", problems);
  expect(problems).toEqual([]);
});

test("[a11y] the reseller area renders without errors or serious accessibility problems", async ({ page }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  await signIn(page, "partner@example.com", DEMO_PASSWORD);
  await visit(page, "/reseller", problems);
  // PRT-1, PRT-9: the partner's directory profile and who manages which client (linked from /reseller).
  const profile = (await page.locator('a[href$="/profile"]').first().getAttribute("href"))!;
  await visit(page, profile, problems);
  await visit(page, profile.replace(/\/profile$/, "/managers"), problems);
  // PRT-5: the whole cashback ledger, paged.
  await visit(page, profile.replace(/\/profile$/, "/cashback"), problems);
  // TND-2, TND-3: the open calls for tenders and one call with its proposal form.
  await visit(page, "/reseller/tenders", problems);
  const call = page.locator('main a[href^="/reseller/tenders/"]').first();
  await expect(call).toBeVisible();
  await visit(page, (await call.getAttribute("href"))!, problems);
  // PRT-8: a ticked client shows the download bar at the bottom.
  await page.goto("/reseller");
  await page.getByTestId("reseller-client-row").first().getByRole("checkbox").check();
  await expect(page.getByTestId("selection-bar")).toBeVisible();
  for (const a of await accessibilityProblems(page)) problems.push(`/reseller (ticked): ${a}`);
  // PRT-4: a client's page with the "acting for … as partner" banner.
  const client = page.locator('main a[href$="/products"]').first();
  await visit(page, (await client.getAttribute("href"))!, problems);
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
  for (const url of ["/backoffice", "/backoffice/verifications", "/backoffice/support", "/backoffice/grants", "/account/security"]) await visit(page, url, problems);
  await page.goto("/backoffice/support");
  const request = page.getByTestId("support-queue-row").first().locator('a[href^="/backoffice/support/"]');
  await visit(page, (await request.getAttribute("href"))!, problems);
  expect(problems).toEqual([]);
});

test("[BIL-5] the back office's incoming transfers page renders without errors or serious accessibility problems", async ({ page }) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  await signInWithTotp(page, "supervisor@example.com", DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET);
  await expect(page).toHaveURL(/\/backoffice$/, { timeout: 20_000 });
  await visit(page, "/backoffice/transfers", problems);
  // PRT-1: the partner-programme applications and one of them.
  await visit(page, "/backoffice/partner-applications", problems);
  const application = (await page.getByTestId("partner-application-row").first().locator("a").getAttribute("href"))!;
  await visit(page, application, problems);
  expect(problems).toEqual([]);
});
