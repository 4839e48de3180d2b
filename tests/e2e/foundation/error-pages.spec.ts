import { expect, test, type Page } from "@playwright/test";
import { msg, signUp, sql, uniqueEmail } from "../support/helpers";

/** A new customer whose saved language is French; answers the id of their Organization. */
async function frenchCustomer(page: Page): Promise<string> {
  const email = uniqueEmail("erreur");
  await signUp(page, { email, password: "a long enough password", firstName: "Élise", lastName: "Erreur" });
  await sql(`UPDATE "User" SET "locale" = 'fr' WHERE "email" = $1`, [email]);
  return new URL(page.url()).pathname.split("/")[1];
}

test("[SEC-5] an unknown console address, or another Organization's product, is the not-found page in the user's language", async ({ page }) => {
  const orgId = await frenchCustomer(page);
  for (const path of [`/${orgId}/no-such-page`, `/${orgId}/products/no-such-product`, `/no-such-organization/dashboard`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: msg("fr", "notFound.title") })).toBeVisible();
    await expect(page.getByRole("link", { name: msg("fr", "notFound.home") })).toHaveAttribute("href", "/");
  }
});

test("[SEC-5] an id longer than any record's, on every page that opens one, is the not-found page; a malformed percent-encoding is a 400", async ({
  page,
}) => {
  const orgId = await frenchCustomer(page);
  const long = "x".repeat(300);
  for (const list of ["products", "orders", "invoices", "payments", "teams", "users", "mail", "drive", "chat", "support", "partners"]) {
    const response = await page.goto(`/${orgId}/${list}/${long}`);
    expect(response?.status(), list).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: msg("fr", "notFound.title") })).toBeVisible();
  }
  for (const path of [`/${orgId}/products/%E0%A4%A`, "/%E0%A4%A/dashboard", "/sign-in%E0"]) {
    expect((await page.request.get(path)).status(), path).toBe(400);
  }
});

test("[SEC-5] a page that fails shows the error page in the user's language, with a way back and no detail", async ({ page }) => {
  await frenchCustomer(page);
  await page.goto("/faults/bug");
  const alert = page.getByTestId("error-page");
  await expect(alert.getByRole("heading", { level: 1, name: msg("fr", "errorPage.title") })).toBeVisible();
  await expect(alert.getByText(msg("fr", "errorPage.body"))).toBeVisible();
  await expect(alert.getByRole("button", { name: msg("fr", "errorPage.retry") })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("deliberate");
  await expect(page.locator("body")).not.toContainText(/at \S+ \(|\.tsx?:\d+/);
  await alert.getByRole("link", { name: msg("fr", "errorPage.home") }).click();
  await expect(page).toHaveURL(/\/[a-z0-9]+\/dashboard$/);
});

test("[SEC-5] a database outage is the translated 'try again in a moment' page, not a raw error", async ({ page }) => {
  await frenchCustomer(page);
  await page.goto("/faults/database");
  const alert = page.getByTestId("error-unavailable");
  await expect(alert.getByRole("heading", { level: 1, name: msg("fr", "errorPage.unavailableTitle") })).toBeVisible();
  await expect(alert.getByText(msg("fr", "errorPage.unavailableBody"))).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/P1001|127\.0\.0\.1|reach database/i);
});
