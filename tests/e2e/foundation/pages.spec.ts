import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET, msg, signIn, sql, submitSignIn } from "../support/helpers";
import {
  ACCOUNT_PAGES,
  accessibilityProblems,
  BACKOFFICE_DETAIL_PAGES,
  BACKOFFICE_PAGES,
  LANGUAGES,
  NO_ORGANIZATION_PAGES,
  ORG_DETAIL_PAGES,
  ORG_PAGES,
  PARTNER_PAGES,
  pageRoutes,
  PUBLIC_PAGES,
  removeStandIns,
  RESELLER_DETAIL_PAGES,
  RESELLER_PAGES,
  SECOND_STEP_PAGES,
  STALE_LINK_PAGES,
  standIn as makeStandIn,
  standInsLeft,
  UNWALKED_ROUTES,
  visit,
  visitDetails,
  walkedRoutes,
} from "../support/pages";

/*
 * Every page of every portal in each language: no serious or critical accessibility problem, no error in
 * the browser, no untranslated message, the page in the language chosen. Signed out, the language is the
 * picker's cookie; signed in, the account's saved language — each walk signs in a stand-in of a demo user
 * whose saved language is the one walked (the demo users keep theirs for the other tests). A stand-in holds the
 * demo user's memberships (a second legal representative of Alpine Web…), so each walk removes its stand-ins
 * when it ends, failed or not, and checks that nothing of them is left for the specs that count members.
 */

let standIns: { id: string; email: string }[] = [];
const standIn: typeof makeStandIn = async (...args) => {
  const made = await makeStandIn(...args);
  standIns.push(made);
  return made;
};

test.afterEach(async ({ page }) => {
  const made = standIns;
  standIns = [];
  // Signed out first, so no request of the walk still in flight writes for a stand-in being removed.
  await page.close();
  await removeStandIns(made);
  expect(await standInsLeft(made), "stand-ins left behind by the walk").toEqual({ users: 0, memberships: 0, audit: 0 });
});

const alpineId = async () => (await sql<{ id: string }>(`SELECT id FROM "Organization" WHERE name = 'Alpine Web Sàrl'`))[0].id;

test("[a11y] the page walks know every page of the app", () => {
  const routes = pageRoutes();
  const walked = new Set(walkedRoutes());
  expect(routes.filter((r) => !walked.has(r) && !(r in UNWALKED_ROUTES))).toEqual([]);
  // No stale entries: every route listed exists.
  expect([...walked, ...Object.keys(UNWALKED_ROUTES)].filter((r) => !routes.includes(r))).toEqual([]);
});

for (const locale of LANGUAGES) {
  test.describe(`in ${locale}`, () => {
    test(`[a11y][ORG-1] public pages, stale links and the page without an Organization, in ${locale}`, async ({ page, baseURL }) => {
      test.setTimeout(600_000);
      const problems: string[] = [];
      // A person without any Organization, in their saved language.
      const lonely = await standIn("owner@example.com", locale, { memberships: false });
      await submitSignIn(page, lonely.email, DEMO_PASSWORD);
      await expect(page).toHaveURL(/\/no-organization$/, { timeout: 20_000 });
      for (const url of NO_ORGANIZATION_PAGES) await visit(page, url, problems, locale);
      // Signed out, the language picker's cookie decides.
      await page.context().clearCookies();
      await page.context().addCookies([{ name: "manager.locale", value: locale, url: baseURL! }]);
      for (const url of [...PUBLIC_PAGES, ...STALE_LINK_PAGES]) await visit(page, url, problems, locale);
      expect(problems).toEqual([]);
    });

    test(`[a11y][ORG-1] every console and account page of a legal representative, in ${locale}`, async ({ page }) => {
      test.setTimeout(600_000);
      const problems: string[] = [];
      const owner = await standIn("owner@example.com", locale);
      await signIn(page, owner.email, DEMO_PASSWORD);
      // The demo data is Alpine Web's, whichever Organization the person lands in.
      const org = await alpineId();
      for (const p of [...ORG_PAGES, ...PARTNER_PAGES, "partners/add?q=Partners"]) await visit(page, `/${org}/${p}`, problems, locale);
      for (const url of ACCOUNT_PAGES) await visit(page, url, problems, locale);
      expect(problems).toEqual([]);
    });

    test(`[a11y][ORG-1] every console page with an id a legal representative opens, in ${locale}`, async ({ page }) => {
      test.setTimeout(600_000);
      const problems: string[] = [];
      const owner = await standIn("owner@example.com", locale);
      await signIn(page, owner.email, DEMO_PASSWORD);
      const org = await alpineId();
      await visitDetails(page, ORG_DETAIL_PAGES, org, problems, locale);
      // A message opened in a mailbox.
      await page.goto(`/${org}/mail`);
      await page.locator(`main a[href^="/${org}/mail/"]`).first().click();
      const message = page.locator(`main a[href*="?message="]`).first();
      await visit(page, (await message.getAttribute("href"))!, problems, locale);
      expect(problems).toEqual([]);
    });

    test(`[a11y][PRT-1] the reseller area of a partner, in ${locale}`, async ({ page }) => {
      test.setTimeout(600_000);
      const problems: string[] = [];
      const partner = await standIn("partner@example.com", locale);
      await signIn(page, partner.email, DEMO_PASSWORD);
      for (const url of RESELLER_PAGES) await visit(page, url, problems, locale);
      await visitDetails(page, RESELLER_DETAIL_PAGES, "", problems, locale);
      // PRT-8: a ticked client shows the download bar at the bottom.
      await page.goto("/reseller");
      await page.getByTestId("reseller-client-row").first().getByRole("checkbox").check();
      await expect(page.getByTestId("selection-bar")).toBeVisible();
      for (const a of await accessibilityProblems(page)) problems.push(`/reseller (ticked, ${locale}): ${a}`);
      // PRT-4: a client's page with the "acting for … as partner" banner.
      const client = page.locator('main a[href$="/products"]').first();
      await visit(page, (await client.getAttribute("href"))!, problems, locale);
      expect(problems).toEqual([]);
    });

    test(`[a11y][IDV-2][SEC-3] the second sign-in step and every back-office page, in ${locale}`, async ({ page }) => {
      test.setTimeout(600_000);
      const problems: string[] = [];
      const staff = await standIn("supervisor@example.com", locale);
      await submitSignIn(page, staff.email, DEMO_PASSWORD);
      await expect(page).toHaveURL(/\/sign-in\/two-factor$/, { timeout: 20_000 });
      for (const url of SECOND_STEP_PAGES) await visit(page, url, problems, locale);
      await enterCode(page, locale);
      await expect(page).toHaveURL(/\/backoffice$/, { timeout: 20_000 });
      // SUP-3: a request of Alpine Web this person handles, with its mail, drive and chat granted.
      const requestId = `walk${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      const org = await alpineId();
      await sql(
        `INSERT INTO "SupportRequest" (id, "orgId", "requesterId", "handlerId", subject, body, status, "createdAt")
         SELECT $1, $2, u.id, $3, 'Mail delivery', 'Our mail is delayed.', 'IN_PROGRESS', now() FROM "User" u WHERE u.email = 'owner@example.com'`,
        [requestId, org, staff.id],
      );
      await sql(
        `INSERT INTO "SupportGrant" (id, "orgId", "userId", scope, "requestId", "createdAt", "expiresAt")
         SELECT $1 || s, $2, u.id, s::"SupportScope", $1, now(), now() + interval '1 day' FROM "User" u, unnest(ARRAY['MAIL', 'DRIVE', 'CHAT']) s WHERE u.email = 'owner@example.com'`,
        [requestId, org],
      );
      try {
        for (const url of [...BACKOFFICE_PAGES, "/account/security"]) await visit(page, url, problems, locale);
        await visitDetails(page, BACKOFFICE_DETAIL_PAGES, "", problems, locale, new Map([["/backoffice/support/[requestId]", `/backoffice/support/${requestId}`]]));
      } finally {
        await sql(`DELETE FROM "SupportGrant" WHERE "requestId" = $1`, [requestId]);
        await sql(`DELETE FROM "SupportRequest" WHERE id = $1`, [requestId]);
      }
      expect(problems).toEqual([]);
    });
  });
}

/** The second step with the authenticator app, on the page in `locale`: a stand-in's own method, so no other test takes its codes. */
async function enterCode(page: Page, locale: (typeof LANGUAGES)[number]) {
  await page.goto("/sign-in/two-factor");
  await expect(async () => {
    await page.getByLabel(msg(locale, "twoFactor.code")).fill(await generate({ secret: DEMO_STAFF_TOTP_SECRET, epoch: Math.floor(Date.now() / 1000) }));
    await page.getByRole("button", { name: msg(locale, "twoFactor.verify"), exact: true }).click();
    await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 5_000 });
  }).toPass({ timeout: 70_000 });
}

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
