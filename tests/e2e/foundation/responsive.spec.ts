import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET, msg, signIn, signInWithTotp, signUp, sql, uniqueEmail } from "../support/helpers";
import { ACCOUNT_PAGES, ORG_PAGES, PARTNER_PAGES, staticOrgPages } from "../support/pages";

/** A phone held upright and a laptop screen: the console must be usable on both. */
const SIZES = [
  { name: "phone", width: 390, height: 844 },
  { name: "laptop", width: 1280, height: 800 },
] as const;

/**
 * Opens a page and lists what is wrong with it at the current width: an error status, a page that scrolls
 * sideways as a whole (naming the elements that stick out), serious or critical WCAG 2.1 A/AA findings.
 */
async function problemsOf(page: Page, url: string): Promise<string[]> {
  const width = page.viewportSize()?.width;
  const response = await page.goto(url);
  await page.waitForLoadState("networkidle");
  const problems: string[] = [];
  if ((response?.status() ?? 500) >= 400) problems.push(`${url}: HTTP ${response?.status()}`);
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    // The innermost elements that reach past the right edge: what to fix.
    const wide = [...document.body.querySelectorAll<HTMLElement>("*")].filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1);
    const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
    const name = (el: HTMLElement) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 4).join(".")}`;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: innermost.slice(0, 3).map(name) };
  });
  if (overflow) problems.push(`${url} at ${width}px scrolls sideways (${overflow.scrollWidth} > ${overflow.clientWidth}): ${overflow.culprits.join(" | ")}`);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
    problems.push(`${url} at ${width}px: ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  }
  return problems;
}

/** The first link of a list page that leads to one of its entries (a detail page, not an export or a form). */
async function firstDetail(page: Page, list: string): Promise<string | null> {
  await page.goto(list);
  const links = page.locator(`main a[href^="${list}/"]:not([href*="/export"]):not([href*="/invite"])`);
  return (await links.count()) > 0 ? await links.first().getAttribute("href") : null;
}

test("[a11y] the narrow-screen walk knows every page of an Organization", () => {
  const listed = new Set([...ORG_PAGES, ...PARTNER_PAGES].map((p) => p.split("?")[0]));
  expect(staticOrgPages().filter((p) => !listed.has(p))).toEqual([]);
});

for (const size of SIZES) {
  test.describe(`at ${size.width} × ${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test(`[a11y] every console page of a legal representative fits ${size.width}px without sideways scrolling or serious accessibility problems`, async ({ page }) => {
      test.setTimeout(400_000);
      await signIn(page, "owner@example.com", DEMO_PASSWORD);
      // The demo data (products, partners, requests) is Alpine Web's, whichever Organization the owner lands in.
      const [{ id: org }] = await sql<{ id: string }>(`SELECT id FROM "Organization" WHERE name = 'Alpine Web Sàrl'`);
      const urls = [...ORG_PAGES, ...PARTNER_PAGES].map((p) => `/${org}/${p}`).concat(ACCOUNT_PAGES);
      for (const list of ["products", "invoices", "teams", "users", "support"].map((p) => `/${org}/${p}`)) {
        const detail = await firstDetail(page, list);
        expect(detail, `a detail page linked from ${list}`).not.toBeNull();
        urls.push(detail!);
      }
      const problems: string[] = [];
      for (const url of urls) problems.push(...(await problemsOf(page, url)));
      expect(problems).toEqual([]);
    });

    test(`[a11y] the reseller area fits ${size.width}px without sideways scrolling or serious accessibility problems`, async ({ page }) => {
      test.setTimeout(300_000);
      await signIn(page, "partner@example.com", DEMO_PASSWORD);
      await page.goto("/reseller");
      const profile = (await page.locator('a[href$="/profile"]').first().getAttribute("href"))!;
      const problems: string[] = [];
      for (const url of ["/reseller", profile, profile.replace(/\/profile$/, "/managers"), "/reseller/tenders"]) problems.push(...(await problemsOf(page, url)));
      expect(problems).toEqual([]);
    });

    test(`[a11y] the back office fits ${size.width}px without sideways scrolling or serious accessibility problems`, async ({ page }) => {
      test.setTimeout(300_000);
      await signInWithTotp(page, "supervisor@example.com", DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET);
      await expect(page).toHaveURL(/\/backoffice$/, { timeout: 20_000 });
      const problems: string[] = [];
      for (const url of ["/backoffice", "/backoffice/verifications", "/backoffice/support", "/backoffice/grants", "/backoffice/transfers", "/backoffice/partner-applications"]) {
        problems.push(...(await problemsOf(page, url)));
      }
      expect(problems).toEqual([]);
    });
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("[a11y] the navigation hides behind a menu button that opens and closes by keyboard", async ({ page }) => {
    await signIn(page, "admin@example.com", DEMO_PASSWORD);
    const toggle = page.getByTestId("nav-toggle");
    const panel = page.getByTestId("nav-panel");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(panel).toBeHidden();
    expect(await toggle.getAttribute("aria-controls")).toBe(await panel.getAttribute("id"));

    // Tab from the top of the page (past the skip link) reaches the button.
    for (let i = 0; i < 5 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
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

  test("[TAG-3] deleting a tag asks in a dialog: Escape keeps the tag and gives focus back, confirming deletes it", async ({ page }) => {
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
