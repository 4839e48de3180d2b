import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, msg, signIn } from "../support/helpers";

// The demo partner reads the console in German.
const de = (key: string) => msg("de", key);

test("[PRT-3] [PRT-4] from the reseller area a partner works in a client's Organization: limited access shows only the granted products, full access all", async ({ page }) => {
  await signIn(page, "partner@example.com", DEMO_PASSWORD);
  await page.goto("/reseller");

  await page.getByRole("link", { name: "Jean Martin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: de("products.title") })).toBeVisible();
  await expect(page.getByTestId("org-switcher")).toContainText("Jean Martin");
  await expect(page.getByTestId("org-switcher")).toContainText(de("shell.partnerAccess"));
  const main = page.locator("main");
  await expect(main.getByText("jean-martin.fr", { exact: true })).toBeVisible();
  await expect(main.getByText("Web hosting jean-martin.fr")).toBeVisible();
  await expect(main.getByText("Mail jean-martin.fr")).toHaveCount(0);
  await expect(main.getByText("photos-martin.fr")).toHaveCount(0);
  // Limited access: nothing of the client's people, log or tokens in the navigation, and their pages are 404.
  const nav = page.getByRole("navigation", { name: de("shell.mainNavigation") });
  await expect(nav.getByRole("link", { name: de("users.title") })).toHaveCount(0);
  const url = new URL(page.url());
  const clientOrg = url.pathname.split("/")[1];
  const users = await page.goto(`/${clientOrg}/users`);
  expect(users?.status()).toBe(404);

  await page.goto("/reseller");
  await page.getByRole("link", { name: "Alpine Web Sàrl" }).click();
  await expect(page.getByRole("heading", { level: 1, name: de("products.title") })).toBeVisible();
  await expect(page.locator("main").getByText("alpine-web.ch", { exact: true }).first()).toBeVisible();
  await expect(page.locator("main").getByText("cafe-du-lac.ch", { exact: true }).first()).toBeVisible();
});
