import { expect, test as base, type Browser, type Page } from "@playwright/test";
import {
  DEMO_PASSWORD,
  DEMO_STAFF_TOTP_SECRET,
  msg,
  openAccountMenu,
  signIn,
  signInWithTotp,
  signUp,
  sql,
  uniqueEmail,
} from "../support/helpers";
import {
  accessibilityProblems,
  ACCOUNT_PAGES,
  BACKOFFICE_DETAIL_LISTS,
  BACKOFFICE_PAGES,
  consolePages,
  LANGUAGES,
  ORG_DETAIL_LISTS,
  ORG_PAGES,
  overflowProblems,
  PARTNER_PAGES,
  PUBLIC_PAGES,
  RESELLER_PAGES,
  RESELLER_PARTNER_PAGES,
  staticOrgPages,
  visitFitting,
} from "../support/pages";

/** A phone held upright and a laptop screen, each in both themes: the console must be usable in all four. */
const SIZES = [
  { name: "phone", width: 390, height: 844 },
  { name: "laptop", width: 1280, height: 800 },
] as const;
const THEMES = ["light", "dark"] as const;

type Role = "owner" | "partner" | "supervisor" | "admin";
type StorageState = Awaited<ReturnType<Awaited<ReturnType<Browser["newContext"]>>["storageState"]>>;

/**
 * Each demo user signs in once per worker; every (size, theme) then opens one browser context with that
 * session (storageState) and walks its pages without signing in again. The demo users keep the "system"
 * theme, so the device's preference (colorScheme) chooses light or dark.
 */
const test = base.extend<{ role: Role | null }, { sessionOf: (role: Role) => Promise<StorageState> }>({
  role: [null, { option: true }],
  sessionOf: [
    async ({ browser }, use, workerInfo) => {
      const sessions = new Map<Role, Promise<StorageState>>();
      const signInOnce = async (role: Role) => {
        const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
        const page = await context.newPage();
        if (role === "supervisor") await signInWithTotp(page, "supervisor@example.com", DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET);
        else await signIn(page, `${role}@example.com`, DEMO_PASSWORD);
        const state = await context.storageState();
        await context.close();
        return state;
      };
      await use((role) => {
        if (!sessions.has(role)) sessions.set(role, signInOnce(role));
        return sessions.get(role)!;
      });
    },
    { scope: "worker", timeout: 120_000 },
  ],
  storageState: async ({ role, sessionOf }, provide) => provide(role ? await sessionOf(role) : undefined),
});

/** The WCAG relative luminance of the page's background (body): the theme actually shown. */
async function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas").getContext("2d")!;
    canvas.fillStyle = getComputedStyle(document.body).backgroundColor;
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...canvas.getImageData(0, 0, 1, 1).data].map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

async function expectTheme(page: Page, theme: (typeof THEMES)[number]) {
  if (theme === "dark") expect(await backgroundLuminance(page)).toBeLessThan(0.05);
  else expect(await backgroundLuminance(page)).toBeGreaterThan(0.6);
}

/** The first link of a list page that leads to one of its entries (a detail page, not an export or a form). */
async function firstDetail(page: Page, list: string): Promise<string | null> {
  await page.goto(list);
  const links = page.locator(`main a[href^="${list}/"]:not([href*="/export"]):not([href*="/invite"])`);
  return (await links.count()) > 0 ? await links.first().getAttribute("href") : null;
}

/** The avatar menu (and at phone width the navigation), open on the current page: fits and reads well. */
async function menuProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const toggle = page.getByTestId("nav-toggle");
  if (await toggle.isVisible()) {
    await toggle.click();
    await expect(page.getByTestId("nav-panel")).toBeVisible();
    for (const p of [...(await overflowProblems(page)), ...(await accessibilityProblems(page))])
      problems.push(`navigation menu: ${p}`);
    await page.keyboard.press("Escape");
  }
  await openAccountMenu(page);
  for (const p of [...(await overflowProblems(page)), ...(await accessibilityProblems(page))])
    problems.push(`account menu: ${p}`);
  return problems;
}

test("[a11y] the walks know every page of the console", () => {
  const listed = new Set([...ORG_PAGES, ...PARTNER_PAGES].map((p) => p.split("?")[0]));
  expect(staticOrgPages().filter((p) => !listed.has(p))).toEqual([]);
  const at = (dir: string) => consolePages(dir).map((p) => `/${dir}${p ? `/${p}` : ""}`);
  expect(at("account").filter((p) => !ACCOUNT_PAGES.includes(p))).toEqual([]);
  expect(at("backoffice").filter((p) => !p.includes("[") && !BACKOFFICE_PAGES.includes(p))).toEqual([]);
  const reseller = [...RESELLER_PAGES, ...RESELLER_PARTNER_PAGES.map((p) => `/reseller/[partnerId]/${p}`)];
  expect(at("reseller").filter((p) => !p.includes("[tenderId]") && !reseller.includes(p))).toEqual([]);
});

for (const size of SIZES) {
  for (const theme of THEMES) {
    test.describe(`at ${size.width} × ${size.height}, ${theme}`, () => {
      test.use({ viewport: { width: size.width, height: size.height }, colorScheme: theme });

      test.describe("a legal representative", () => {
        test.use({ role: "owner" });
        test(`[a11y] every console page of a legal representative fits ${size.width}px in the ${theme} theme without sideways scrolling, errors or serious accessibility problems`, async ({
          page,
        }) => {
          test.setTimeout(600_000);
          // The demo data (products, partners, requests) is Alpine Web's, whichever Organization the owner lands in.
          const [{ id: org }] = await sql<{ id: string }>(`SELECT id FROM "Organization" WHERE name = 'Alpine Web Sàrl'`);
          const urls = [...ORG_PAGES, ...PARTNER_PAGES].map((p) => `/${org}/${p}`).concat(ACCOUNT_PAGES);
          for (const list of ORG_DETAIL_LISTS.map((p) => `/${org}/${p}`)) {
            const detail = await firstDetail(page, list);
            expect(detail, `a detail page linked from ${list}`).not.toBeNull();
            urls.push(detail!);
          }
          await page.goto(`/${org}/dashboard`);
          await expectTheme(page, theme);
          const problems: string[] = [];
          for (const url of urls) await visitFitting(page, url, problems);
          await page.goto(`/${org}/dashboard`);
          problems.push(...(await menuProblems(page)));
          expect(problems).toEqual([]);
        });
      });

      test.describe("a partner", () => {
        test.use({ role: "partner" });
        test(`[a11y] the reseller area fits ${size.width}px in the ${theme} theme without sideways scrolling, errors or serious accessibility problems`, async ({
          page,
        }) => {
          test.setTimeout(300_000);
          await page.goto("/reseller");
          await expectTheme(page, theme);
          const profile = (await page.locator('a[href$="/profile"]').first().getAttribute("href"))!;
          const partner = profile.replace(/\/profile$/, "");
          const call = await firstDetail(page, "/reseller/tenders");
          const urls = [...RESELLER_PAGES, ...RESELLER_PARTNER_PAGES.map((p) => `${partner}/${p}`), ...(call ? [call] : [])];
          const problems: string[] = [];
          for (const url of urls) await visitFitting(page, url, problems);
          expect(problems).toEqual([]);
        });
      });

      test.describe("staff", () => {
        test.use({ role: "supervisor" });
        test(`[a11y] the back office fits ${size.width}px in the ${theme} theme without sideways scrolling, errors or serious accessibility problems`, async ({
          page,
        }) => {
          test.setTimeout(300_000);
          await page.goto("/backoffice");
          await expectTheme(page, theme);
          const urls = [...BACKOFFICE_PAGES];
          for (const list of BACKOFFICE_DETAIL_LISTS) {
            const detail = await firstDetail(page, list);
            if (detail) urls.push(detail);
          }
          const problems: string[] = [];
          for (const url of urls) await visitFitting(page, url, problems);
          problems.push(...(await menuProblems(page)));
          expect(problems).toEqual([]);
        });
      });
    });
  }
}

for (const theme of THEMES) {
  test.describe(`on a phone, ${theme}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, colorScheme: theme, role: "admin" });

    test(`[a11y] the navigation hides behind a menu button that opens and closes by keyboard (${theme} theme)`, async ({
      page,
    }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/[a-z0-9]+\/dashboard$/);
      await expectTheme(page, theme);
      const toggle = page.getByTestId("nav-toggle");
      const panel = page.getByTestId("nav-panel");
      await expect(toggle).toHaveAttribute("aria-expanded", "false");
      await expect(panel).toBeHidden();
      expect(await toggle.getAttribute("aria-controls")).toBe(await panel.getAttribute("id"));

      // Tab from the top of the page (past the skip link) reaches the button.
      for (let i = 0; i < 5 && !(await toggle.evaluate((el) => el === document.activeElement)); i++)
        await page.keyboard.press("Tab");
      await expect(toggle).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(toggle).toHaveAttribute("aria-expanded", "true");
      await expect(panel.getByRole("navigation")).toBeVisible();
      await expect.poll(() => panel.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      await page.keyboard.press("Escape");
      await expect(panel).toBeHidden();
      await expect(toggle).toHaveAttribute("aria-expanded", "false");
      await expect(toggle).toBeFocused();

      // Following a link of the menu closes it on the next page.
      await page.keyboard.press("Enter");
      await expect(panel).toBeVisible();
      await page.keyboard.press("Tab");
      const link = page.locator(":focus");
      const href = (await link.getAttribute("href"))!;
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`${href}$`));
      await expect(panel).toBeHidden();
      await expect(toggle).toHaveAttribute("aria-expanded", "false");
    });
  });
}

/** Signed out, the picker's cookie chooses the language: German's long words are the first to push a header past a phone's width. */
for (const locale of LANGUAGES) {
  test.describe(`signed out on a phone, in ${locale}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });

    test(`[a11y][PRT-1][API-3] every public page fits 390px in ${locale} without sideways scrolling, errors or serious accessibility problems`, async ({
      page,
      baseURL,
    }) => {
      test.setTimeout(300_000);
      await page.context().addCookies([{ name: "manager.locale", value: locale, url: baseURL! }]);
      const problems: string[] = [];
      for (const url of PUBLIC_PAGES) await visitFitting(page, url, problems);
      expect(problems).toEqual([]);
    });
  });
}

test.describe("a partner's user on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("[a11y][PRT-9] a partner's user who may not edit reads the partner's profile in German (details as a list) without sideways scrolling", async ({
    page,
  }) => {
    // Nina (demo data) speaks German and is no legal representative of Helvetic Partners: the profile is a read-only list.
    await signIn(page, "nina@example.com", DEMO_PASSWORD);
    const [{ id }] = await sql<{ id: string }>(
      `SELECT p.id FROM "Partner" p JOIN "Organization" o ON o.id = p."orgId" WHERE o.name = 'Helvetic Partners AG'`,
    );
    const problems: string[] = [];
    await visitFitting(page, `/reseller/${id}/profile`, problems);
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    await expect(page.getByText(msg("de", "resellerProfile.inDirectory"), { exact: true })).toBeVisible();
    expect(problems).toEqual([]);
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("[TAG-3] deleting a tag asks in a dialog: Escape keeps the tag and gives focus back, confirming deletes it", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await signUp(page, { email: uniqueEmail("dialog"), password: "a-long-password-2026", firstName: "Dana", lastName: "Dialog" });
    const org = new URL(page.url()).pathname.split("/")[1];
    await page.goto(`/${org}/tags`);
    await page.getByRole("button", { name: msg("en", "tags.addTag") }).click();
    await page.getByLabel(msg("en", "tags.name"), { exact: true }).fill("Ephemeral");
    await page.getByRole("button", { name: msg("en", "tags.create") }).click();
    const rows = page.getByTestId("tag-row");
    await expect(rows).toHaveCount(1);

    const menu = page.getByRole("button", { name: msg("en", "tags.actionsFor", { name: "Ephemeral" }) });
    await menu.click();
    await page.getByRole("menuitem", { name: msg("en", "tags.delete") }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete the tag “Ephemeral”? No product carries it." });
    await expect(dialog).toBeVisible();
    // Nothing is destroyed by a stray Enter: focus starts on "Cancel"; the page behind the dialog is inert.
    await expect(dialog.getByRole("button", { name: msg("en", "tags.cancel") })).toBeFocused();
    expect(await page.evaluate(() => document.querySelector("dialog[open]")?.matches(":modal"))).toBe(true);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(menu).toBeFocused();
    await expect(rows).toHaveCount(1);

    await menu.click();
    await page.getByRole("menuitem", { name: msg("en", "tags.delete") }).click();
    await dialog.getByRole("button", { name: msg("en", "tags.confirmDeleteButton") }).click();
    await expect(rows).toHaveCount(0);
  });
});
