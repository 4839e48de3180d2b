import { expect, test, type Browser, type Page } from "@playwright/test";
import { generate } from "otplib";
import { linkPath, msg, openMail, signIn, signOut, signUp, submitSignIn, uniqueEmail } from "../support/helpers";

const PASSWORD = "a long enough password";
const NEW_PASSWORD = "an even longer password";

/** A second browser (its own cookies) signed in as the same person. */
async function secondBrowser(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

/** The page of a browser whose session was ended is sent back to sign-in. */
async function expectSignedOut(page: Page) {
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/sign-in(\?.*)?$/);
}

test("[ACC-1] [ACC-4] change the password, end the other sessions, then sign in with the new password", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("newpass");
  await signUp(page, { email, password: PASSWORD, firstName: "Pia", lastName: "Wechsel" });
  const other = await secondBrowser(browser, email, PASSWORD);

  await page.goto("/account/security");
  const form = page.getByRole("form", { name: "Change the password" });
  await form.getByLabel("Current password").fill("not the password");
  await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change the password" }).click();
  await expect(form.getByRole("alert").first()).toBeVisible();
  await expect(form.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByRole("button", { name: "Change the password" }).click();
  // Checking the current password and hashing the new one take a few seconds of argon2.
  await expect(page.getByText("Your password has been changed.")).toBeVisible({ timeout: 30_000 });

  // Until the user chooses, the other browser stays signed in.
  await other.goto("/account/security");
  await expect(other).toHaveURL(/\/account\/security$/);
  const offer = page.getByTestId("end-other-sessions");
  await expect(offer).toContainText("You are still signed in on 1 other session.");
  await offer.getByRole("button", { name: "Sign out of the other sessions" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByText("1 other session was signed out.")).toBeVisible();
  await expectSignedOut(other);

  // This browser is still signed in; the old password no longer works, the new one does.
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/account\/security$/);
  await signOut(page);
  await submitSignIn(page, email, PASSWORD);
  await expect(page.getByText(msg("en", "errors.invalidCredentials"))).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, NEW_PASSWORD);

  // The owner was told by e-mail.
  expect(await openMail(page, email, /password was changed/i)).toContain("/forgot-password");
  await other.context().close();
});

test("[ACC-1] change the login e-mail through the link sent to the new address, then sign in with it", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("oldlogin");
  const newEmail = uniqueEmail("newlogin");
  await signUp(page, { email, password: PASSWORD, firstName: "Max", lastName: "Umzug" });

  await page.goto("/account/security");
  await expect(page.getByTestId("login-email")).toHaveText(email);
  const form = page.getByRole("form", { name: "Change the login e-mail" });
  await form.getByLabel("New login e-mail").fill(newEmail);
  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByRole("button", { name: "Send the confirmation link" }).click();
  await expect(form.getByText(`We sent a confirmation link to ${newEmail}.`)).toBeVisible();
  // Nothing changes before the link is used.
  await page.reload();
  await expect(page.getByTestId("login-email")).toHaveText(email);

  const path = linkPath(await openMail(page, newEmail, /Confirm your new/i), "/confirm-email/");
  // The old address was told about the request, without the link.
  const notice = await openMail(page, email, /login e-mail requested/i);
  expect(notice).toContain(newEmail);
  expect(notice).not.toContain("/confirm-email/");

  // Opened signed out, as from another device.
  await signOut(page);
  await page.goto(path);
  await expect(page.getByText(`Confirm that ${newEmail} becomes the login e-mail of your account.`)).toBeVisible();
  await page.getByRole("button", { name: "Confirm the new login e-mail" }).click();
  await expect(page.getByText(`Your login e-mail is now ${newEmail}.`)).toBeVisible();

  await signIn(page, newEmail, PASSWORD);
  await page.goto("/account/security");
  await expect(page.getByTestId("login-email")).toHaveText(newEmail);

  // The link works once.
  await page.goto(path);
  await expect(page.getByText("This link has expired or has already been used.")).toBeVisible();
});

test("[2FA-4] turning two-step verification off offers to end the other sessions", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("twofaoff");
  await signUp(page, { email, password: PASSWORD, firstName: "Ole", lastName: "Aus" });
  const other = await secondBrowser(browser, email, PASSWORD);

  await page.goto("/account/security");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await page.getByLabel("Name of this app (optional)").fill("Phone");
  await page.getByRole("button", { name: "Continue" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("6-digit code shown by the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByText("The authenticator app is active.")).toBeVisible();
  await expect(page.getByTestId("two-factor-status")).toHaveText(/is on/);

  await page.getByRole("button", { name: "Turn off two-step verification" }).click();
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Turn off", exact: true }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText(/is off/);
  const offer = page.getByTestId("end-other-sessions");
  await expect(offer).toContainText("You are still signed in on 1 other session.");
  await offer.getByRole("button", { name: "Sign out of the other sessions" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByText("1 other session was signed out.")).toBeVisible();
  await expectSignedOut(other);
  await other.context().close();
});

test("[SEC-8] [ACC-4] after a reset, “compromised account?” revokes the application passwords left behind, in one step from the sign-in page's offer", async ({ page }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("compromised");
  await signUp(page, { email, password: PASSWORD, firstName: "Cora", lastName: "Promis" });
  await page.goto("/account/security");
  await page.getByRole("button", { name: "Generate an application password" }).click();
  await page.getByLabel("Name of the application password").fill("Left behind");
  await page.getByLabel("Your account password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Generate the application password" }).click();
  await expect(page.getByText("Copy and save this application password")).toBeVisible({ timeout: 30_000 });
  await signOut(page);

  // The reset signs every session out (ACC-4); the success page offers the rest.
  await page.goto("/forgot-password");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await page.goto(linkPath(await openMail(page, email, /Reset your/), "/reset-password/"));
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save the password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
  await page.getByTestId("compromised-offer").getByRole("link").click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  const other = page.getByRole("button", { name: /other credentials/i });
  if (await other.isVisible().catch(() => false)) await other.click();
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security#compromised-heading$/, { timeout: 20_000 });

  const section = page.getByTestId("compromised");
  await section.getByLabel("Current password").fill(NEW_PASSWORD);
  await section.getByRole("button", { name: "Secure my account" }).click();
  await expect(section.getByText("Your account is secured.")).toBeVisible({ timeout: 30_000 });
  await expect(section).toContainText("1 application password revoked.");
  await expect(page.getByTestId("app-passwords")).toContainText("No application passwords yet.");
});
