import { expect, test, type Page } from "@playwright/test";
import { msg, openAccountMenu, signIn, signOut, signUp, sql, uniqueEmail } from "../support/helpers";
import { PUBLIC_PAGES, visit } from "../support/pages";

/** The WCAG relative luminance of the page's background (body), 0 (black) … 1 (white). */
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

const themeCookie = async (page: Page) => (await page.context().cookies()).find((c) => c.name === "manager.theme")?.value;

const DARK = 0.05;
const LIGHT = 0.6;

test("[ACC-5] the theme chosen in the avatar menu is saved on the user and applied at the next sign-in, from the first paint", async ({
  page,
  context,
}) => {
  const email = uniqueEmail("nocturne");
  await signUp(page, { email, password: "a long enough password", firstName: "Nox", lastName: "Nacht" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  expect(await backgroundLuminance(page)).toBeGreaterThan(LIGHT);

  await openAccountMenu(page);
  const picker = page.getByTestId("account-menu").getByRole("group", { name: msg("en", "theme.label") });
  await picker.getByTitle(msg("en", "theme.dark"), { exact: true }).click();
  await expect(picker.getByRole("radio", { name: msg("en", "theme.dark") })).toBeChecked();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect
    .poll(async () => (await sql<{ theme: string | null }>(`SELECT theme::text FROM "User" WHERE email = $1`, [email]))[0].theme)
    .toBe("dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await backgroundLuminance(page)).toBeLessThan(DARK);

  // Signed out, in a browser that forgot everything (no theme cookie): the sign-in page follows the device…
  await signOut(page);
  await context.clearCookies();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
  expect(await backgroundLuminance(page)).toBeGreaterThan(LIGHT);

  // …and signing in brings the saved choice back, written by the server on <html>: no light flash.
  await signIn(page, email, "a long enough password");
  const response = await page.request.get(page.url());
  expect(await response.text()).toMatch(/<html[^>]*data-theme="dark"/);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await backgroundLuminance(page)).toBeLessThan(DARK);
  await openAccountMenu(page);
  await expect(page.getByTestId("account-menu").getByRole("radio", { name: msg("en", "theme.dark") })).toBeChecked();
});

test("[ACC-5] signed out, the small picker keeps the choice in a cookie for the next visit", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByTestId("theme-picker").getByTitle(msg("en", "theme.dark"), { exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect.poll(() => themeCookie(page)).toBe("dark");
  await page.goto("/forgot-password");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await backgroundLuminance(page)).toBeLessThan(DARK);
  await page.getByTestId("theme-picker").getByTitle(msg("en", "theme.light"), { exact: true }).click();
  await expect.poll(() => themeCookie(page)).toBe("light");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await backgroundLuminance(page)).toBeGreaterThan(LIGHT);
});

test.describe("a device that prefers dark", () => {
  test.use({ colorScheme: "dark" });

  test("[ACC-5] with no choice made, the pages follow the device; an explicit light choice wins over it", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
    expect(await backgroundLuminance(page)).toBeLessThan(DARK);
    await page.getByTestId("theme-picker").getByTitle(msg("en", "theme.light"), { exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    await expect.poll(() => themeCookie(page)).toBe("light");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
    expect(await backgroundLuminance(page)).toBeGreaterThan(LIGHT);
  });

  test("[ACC-5] public pages in the dark theme: no errors, no serious accessibility problem (colour contrast included)", async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const problems: string[] = [];
    for (const url of PUBLIC_PAGES) await visit(page, url, problems);
    expect(problems).toEqual([]);
  });
  test("[ACC-5] [API-3] the API reference follows the theme: the device's dark with no choice, light when light is chosen", async ({
    page,
    context,
  }) => {
    await page.goto("/api-docs");
    const reference = page.getByRole("region", { name: msg("en", "apiDocs.referenceTitle") });
    await expect(reference.getByRole("complementary").locator('a[href$="/GET/1/accounts"]')).toBeVisible({ timeout: 60_000 });
    // Scalar writes its mode on <body> (some of its own panels stay dark in either mode).
    await expect(page.locator("body")).toHaveClass(/\bdark-mode\b/);
    await expect(page.locator("body")).not.toHaveClass(/\blight-mode\b/);

    await context.addCookies([{ name: "manager.theme", value: "light", url: page.url() }]);
    await page.reload();
    await expect(reference.getByRole("complementary").locator('a[href$="/GET/1/accounts"]')).toBeVisible({ timeout: 60_000 });
    await expect(page.locator("body")).toHaveClass(/\blight-mode\b/);
    await expect(page.locator("body")).not.toHaveClass(/\bdark-mode\b/);
  });
  // The console's pages in the dark theme, at both sizes: responsive.spec.ts.
});
