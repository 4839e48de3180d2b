import { expect, test, type Page } from "@playwright/test";
import { msg, signIn, uniqueEmail } from "../support/helpers";

async function signUpCompany(page: Page, country: string, name: string) {
  await page.goto("/sign-up");
  await page.getByLabel(msg("en", "auth.company")).check();
  await page.getByLabel(msg("en", "auth.firstName")).fill("Vera");
  await page.getByLabel(msg("en", "auth.lastName")).fill("Steuer");
  await page.getByLabel(msg("en", "auth.organizationName")).fill(name);
  await page.getByLabel(msg("en", "auth.country")).selectOption(country);
  const email = uniqueEmail("vat");
  await page.getByLabel(msg("en", "auth.email")).fill(email);
  await page.getByLabel(msg("en", "auth.password")).fill("a long enough password");
  await page.getByRole("button", { name: msg("en", "auth.signUp") }).click();
  // SEC-2: "check your mailbox"; the account may sign in and use its own Organization before confirming.
  await expect(page.getByRole("heading", { name: msg("en", "auth.checkMailboxTitle") })).toBeVisible({ timeout: 20_000 });
  await signIn(page, email, "a long enough password");
  return new URL(page.url()).pathname.split("/")[1];
}

test("[VAT-2] a German company saves a valid VAT number after accepting the terms; a malformed one is refused", async ({ page }) => {
  const orgId = await signUpCompany(page, "DE", "Steuer GmbH");
  await page.goto(`/${orgId}/organization`);
  const vat = page.getByLabel(msg("en", "organization.vatNumber"));

  await vat.fill("DE123");
  await page.getByLabel(msg("en", "organization.vatTerms")).check();
  await page.getByRole("button", { name: msg("en", "organization.saveVat") }).click();
  await expect(page.getByText(msg("en", "validation.vatInvalid"))).toBeVisible();

  await vat.fill("DE136695976");
  await page.getByLabel(msg("en", "organization.vatTerms")).uncheck();
  await page.getByRole("button", { name: msg("en", "organization.saveVat") }).click();
  await expect(page.getByText(msg("en", "validation.vatTermsRequired"))).toBeVisible();

  await page.getByLabel(msg("en", "organization.vatTerms")).check();
  await page.getByRole("button", { name: msg("en", "organization.saveVat") }).click();
  await expect(page.getByText(msg("en", "organization.vatSaved"))).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(msg("en", "organization.vatNumber"))).toHaveValue("DE136695976");
});

test("[VAT-2] a Swiss company is told the EU VAT number does not apply", async ({ page }) => {
  const orgId = await signUpCompany(page, "CH", "Steuer AG");
  await page.goto(`/${orgId}/organization`);
  await expect(page.getByText(msg("en", "validation.vatNotEu"))).toBeVisible();
  await expect(page.getByLabel(msg("en", "organization.vatNumber"))).toHaveCount(0);
});
