import { expect, test } from "@playwright/test";
import {
  confirmAddress,
  DEMO_PASSWORD,
  linkPath,
  msg,
  openAccountMenu,
  openMail,
  signIn,
  signOut,
  signUp,
  sql,
  submitSignUp,
  uniqueEmail,
} from "../support/helpers";

test("[ACC-2] sign up creates an Organization, then sign out and sign in again", async ({ page }) => {
  const email = uniqueEmail("newcomer");
  await signUp(page, { email, password: "a long enough password", firstName: "Nora", lastName: "Neu" });
  await expect(page.getByRole("heading", { name: "Welcome, Nora" })).toBeVisible();
  await expect(page.getByText(/Your role: Legal representative/)).toBeVisible();

  const orgs = await sql<{ name: string; role: string }>(
    `SELECT o.name, m.role FROM "Organization" o JOIN "Membership" m ON m."orgId" = o.id JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`,
    [email],
  );
  expect(orgs).toEqual([{ name: "Nora Neu", role: "LEGAL_REPRESENTATIVE" }]);

  await signOut(page);
  // ACC-5: the account is remembered on this browser.
  await page.getByRole("button", { name: /Continue as Nora Neu/ }).click();
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Nora" })).toBeVisible();
});

test("[SEC-2][ACC-2] an unconfirmed account uses its own Organization with a notice until the mailed link confirms the address", async ({ page }) => {
  const email = uniqueEmail("unconfirmed");
  const password = "a long enough password";
  await signUp(page, { email, password, firstName: "Uma", lastName: "Unbestätigt" }, { confirm: false });
  await expect(page.getByRole("heading", { name: "Welcome, Uma" })).toBeVisible();
  const notice = page.getByText(msg("en", "shell.emailConfirmation.notice", { email }));
  await expect(notice).toBeVisible();

  // A new link on request: the older one stops working.
  const first = linkPath(await openMail(page, email, /Confirm your .*e-mail address/), "/confirm-email/");
  await page.goto("/");
  await page.getByRole("button", { name: msg("en", "shell.emailConfirmation.resend") }).click();
  await expect(page.getByText(msg("en", "shell.emailConfirmation.sent", { email }))).toBeVisible();
  await expect(async () => {
    expect(linkPath(await openMail(page, email, /Confirm your .*e-mail address/), "/confirm-email/")).not.toBe(first);
  }).toPass({ timeout: 20_000 });
  await page.goto(first);
  await expect(page.getByText(msg("en", "credentials.errors.linkInvalid"))).toBeVisible();

  await confirmAddress(page, email);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Welcome, Uma" })).toBeVisible();
  await expect(notice).toHaveCount(0);
  const [user] = await sql<{ confirmed: boolean }>(`SELECT "emailVerifiedAt" IS NOT NULL AS confirmed FROM "User" WHERE email = $1`, [email]);
  expect(user.confirmed).toBe(true);
});

test("[SEC-2] signing up with an address that has an account answers the same, and its owner is told", async ({ page }) => {
  const taken = uniqueEmail("taken");
  await signUp(page, { email: taken, password: "the owner's password", firstName: "Otto", lastName: "Owner" });
  await signOut(page);
  await submitSignUp(page, { email: taken, password: "someone else's password", firstName: "Eve", lastName: "Else" });
  await expect(page.getByText(msg("en", "auth.checkMailbox", { email: taken }))).toBeVisible();
  const notice = await openMail(page, taken, /tried to create/);
  expect(notice).toContain("/forgot-password");
  // Nothing was created: the owner's only Organization is still theirs alone.
  const rows = await sql(`SELECT 1 FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`, [taken]);
  expect(rows).toHaveLength(1);
});

test("[ACC-3] a Swiss company is told the EU VAT number does not apply", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("A company").check();
  await page.getByLabel("Country").selectOption("CH");
  await expect(page.getByText("The EU VAT number does not apply to companies outside the European Union.")).toBeVisible();
  await page.getByLabel("Country").selectOption("DE");
  await expect(page.getByLabel("EU VAT number (optional)")).toBeVisible();
});

test("[ACC-7] a wrong password shows one message that does not reveal whether the account exists", async ({ page }) => {
  for (const email of ["owner@example.com", uniqueEmail("nobody")]) {
    await page.goto("/sign-in");
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("The e-mail address or the password is incorrect.");
  }
});

test("[ACC-6] switch Organization without signing out; the choice is kept", async ({ page }) => {
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  const first = page.url();
  await page.getByTestId("org-switcher").locator("summary").click();
  const links = page.getByTestId("org-switcher").getByRole("link");
  await expect(links).toHaveCount(2);
  const other = links.and(page.locator(":not([aria-current])")).first();
  const otherName = (await other.locator("span").first().textContent())!;
  await other.click();
  await expect(page).not.toHaveURL(first);
  await expect(page.getByTestId("org-switcher").locator("summary")).toContainText(otherName);
  const second = page.url();
  await page.goto("/");
  await expect(page).toHaveURL(second);
});

test("[ACC-6] a deep link to another customer's Organization answers 404", async ({ page }) => {
  const [alpine] = await sql<{ id: string }>(`SELECT id FROM "Organization" WHERE name = 'Alpine Web Sàrl'`);
  await signIn(page, "jean@example.com", DEMO_PASSWORD);
  const res = await page.goto(`/${alpine.id}/dashboard`);
  expect(res?.status()).toBe(404);
  // Jean's language is French.
  await expect(page.getByRole("heading", { name: msg("fr", "notFound.title") })).toBeVisible();
  await expect(page.getByText("Alpine Web")).toHaveCount(0);
});

test("[ACC-5] switch user: choose another account from the avatar menu", async ({ page }) => {
  await signIn(page, "admin@example.com", DEMO_PASSWORD);
  await openAccountMenu(page);
  await page.getByTestId("switch-user").click();
  await expect(page).toHaveURL(/\/sign-in(\?.*)?$/);
  // Marco's language is Italian: the sign-in page follows it.
  await expect(page.getByRole("button", { name: msg("it", "auth.continueAs", { name: "Marco Rossi" }) })).toBeVisible();
  await page.getByRole("button", { name: msg("it", "auth.otherCredentials") }).click();
  await page.getByLabel(msg("it", "auth.email")).fill("luca@example.com");
  await page.getByLabel(msg("it", "auth.password")).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: msg("it", "auth.signIn"), exact: true }).click();
  await expect(page.getByRole("heading", { name: msg("en", "dashboard.welcome", { name: "Luca" }) })).toBeVisible();
});
