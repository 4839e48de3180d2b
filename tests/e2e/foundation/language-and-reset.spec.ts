import { expect, test } from "@playwright/test";
import { msg, openAccountMenu, signOut, signUp, uniqueEmail } from "../support/helpers";

test("[i18n] the language chosen in the avatar menu is saved on the user", async ({ page }) => {
  const email = uniqueEmail("polyglot");
  await signUp(page, { email, password: "a long enough password", firstName: "Lena", lastName: "Sprach" });
  const welcome = (l: "en" | "fr" | "de" | "it") => page.getByRole("heading", { level: 1, name: msg(l, "dashboard.welcome", { name: "Lena" }) });
  await expect(welcome("en")).toBeVisible();
  for (const locale of ["de", "it", "fr"] as const) {
    await openAccountMenu(page);
    await page.getByTestId("account-menu").getByRole("combobox").selectOption(locale);
    await expect(welcome(locale)).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
  }
  // Saved on the user: a reload, and the next sign-in page, stay in French.
  await page.reload();
  await expect(welcome("fr")).toBeVisible();
  await signOut(page);
  await expect(page.getByRole("heading", { name: msg("fr", "auth.rememberedAccounts") })).toBeVisible();
});

test("[ACC-4] password reset through the e-mail caught by the local SMTP catcher", async ({ page }) => {
  const email = uniqueEmail("forgetful");
  await signUp(page, { email, password: "the first password", firstName: "Fred", lastName: "Vergess" });
  await signOut(page);

  await page.goto("/forgot-password");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses this address");

  // Read the mail in the development mailbox, as a person would.
  await expect(async () => {
    await page.goto(`/mailbox?to=${encodeURIComponent(email)}`);
    await expect(page.getByRole("link", { name: /password/i })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: /password/i }).first().click();
  const body = await page.locator("article pre").textContent();
  const link = body?.match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();

  await page.goto(new URL(link!).pathname);
  await page.getByLabel("New password", { exact: true }).fill("the second password");
  await page.getByLabel("Repeat the new password").fill("the second password");
  await page.getByRole("button", { name: "Save the password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
  await expect(page.getByRole("status")).toContainText("Your password has been changed");

  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill("the second password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Fred" })).toBeVisible();

  // The link works once.
  await page.goto(new URL(link!).pathname);
  await expect(page.getByText("This link has expired or has already been used.")).toBeVisible();
});
