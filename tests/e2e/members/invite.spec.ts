import { expect, test, type Page } from "@playwright/test";
import { signUp, sql, uniqueEmail } from "../support/helpers";

/** The newest invitation link mailed to `to`, read in the development mailbox as a person would. */
async function invitationLink(page: Page, to: string): Promise<string> {
  await expect(async () => {
    await page.goto(`/mailbox?to=${encodeURIComponent(to)}`);
    await expect(page.getByRole("link", { name: /invited you/i }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page
    .getByRole("link", { name: /invited you/i })
    .first()
    .click();
  const body = await page.locator("article pre").textContent();
  const link = body?.match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();
  return new URL(link!).pathname;
}

test("[ORG-2][ACC-2] a legal representative invites a new user, who creates their account and appears in the Users table", async ({
  page,
  browser,
}) => {
  await signUp(page, {
    email: uniqueEmail("inviter"),
    password: "a long enough password",
    firstName: "Ines",
    lastName: "Inviter",
  });
  const orgPath = new URL(page.url()).pathname.replace(/\/dashboard$/, "");
  const orgId = orgPath.slice(1);
  const productName = `invite-${Date.now().toString(36)}.example`;
  await sql(
    `INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency)
     SELECT $1, $2, id, $3, 'Ines Inviter', now() + interval '1 year', 1500, 'CHF' FROM "ProductCategory" WHERE code = 'domain'`,
    [`e2e${Date.now().toString(36)}`, orgId, productName],
  );

  // Add a user: e-mail, role, a product from the picker and one administrative e-mail, in one flow.
  await page.goto(`${orgPath}/users`);
  await page.getByRole("link", { name: "Add a user" }).click();
  const invitee = uniqueEmail("invitee");
  await page.getByLabel("E-mail address").fill(invitee);
  await page.getByLabel("Role", { exact: true }).selectOption("USER");
  // The product picker: search, tick, and the product is listed as selected.
  await page.getByLabel("Search products").fill(productName.slice(0, 12));
  await expect(page.getByRole("status").filter({ hasText: "1 product found" })).toBeVisible();
  await page.getByRole("checkbox", { name: productName }).check();
  await expect(page.getByRole("button", { name: `Remove ${productName}` })).toBeVisible();
  await page.getByLabel("Technical (incidents, maintenance)").check();
  await page.getByRole("button", { name: "Add the user" }).click();
  await expect(page.getByText(`An invitation was sent to ${invitee}`)).toBeVisible();

  // A second invitation, to resend and then revoke from the table.
  await page.getByRole("button", { name: "Add another user" }).click();
  const other = uniqueEmail("revoked");
  await page.getByLabel("E-mail address").fill(other);
  await page.getByRole("button", { name: "Add the user" }).click();
  await expect(page.getByText(`An invitation was sent to ${other}`)).toBeVisible();
  // The success panel offers the way back (the page header has the same link).
  await page.getByRole("link", { name: "Back to users" }).last().click();
  const otherRow = page.getByTestId("user-row").filter({ hasText: other });
  await expect(otherRow).toContainText("Invited");
  await otherRow.getByRole("button", { name: "Resend" }).click();
  await expect(otherRow).toContainText(`A new invitation was sent to ${other}`);
  await otherRow.getByRole("button", { name: "Revoke" }).click();
  // A destructive action asks first, in a dialog (the revoke waits for "Yes, revoke").
  const dialog = page.getByRole("alertdialog", { name: `Revoke the invitation of ${other}? The link in the e-mail stops working at once.` });
  await expect(dialog).toBeVisible();
  await expect(otherRow).toContainText("Invited");
  await dialog.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(otherRow).toHaveCount(0);

  // The invitee opens the link in their own browser and creates their account.
  const path = await invitationLink(page, invitee);
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const guest = await context.newPage();
  await guest.goto(path);
  await expect(guest.getByRole("heading", { level: 1 })).toContainText("Join");
  await guest.getByLabel("First name").fill("Nora");
  await guest.getByLabel("Last name").fill("Neu");
  await guest.getByLabel("Password").fill("another long password");
  await guest.getByRole("button", { name: "Create my account and join" }).click();
  await expect(guest).toHaveURL(new RegExp(`${orgPath}/dashboard$`), { timeout: 20_000 });
  await expect(guest.getByRole("heading", { name: "Welcome, Nora" })).toBeVisible();

  // The link works once.
  await guest.goto(path);
  await expect(guest.getByText("This invitation link has expired, was revoked or has already been used.")).toBeVisible();
  await context.close();

  // Back as the inviter: the new user is active with the chosen role, product access and contact preference.
  await page.goto(`${orgPath}/users`);
  const row = page.getByTestId("user-row").filter({ hasText: invitee });
  await expect(row).toContainText("Nora Neu");
  await expect(row).toContainText("Active");
  await expect(row.getByLabel("Role of Nora Neu")).toHaveValue("USER");
  const [membership] = await sql<{ role: string; prefs: string; products: string }>(
    `SELECT m.role::text AS role, m."contactPrefs"::text AS prefs, string_agg(p.name, ',') AS products
     FROM "Membership" m JOIN "User" u ON u.id = m."userId"
     LEFT JOIN "ProductAccess" a ON a."membershipId" = m.id LEFT JOIN "Product" p ON p.id = a."productId"
     WHERE u.email = $1 GROUP BY m.id`,
    [invitee],
  );
  expect(membership).toEqual({ role: "USER", prefs: "{TECHNICAL}", products: productName });
  // No Organization of their own (ACC-2).
  expect(await sql(`SELECT 1 FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`, [invitee])).toHaveLength(
    1,
  );
});

test("[SEC-2][ORG-2] adding someone who already has an account sends an invitation, answered like any other; the link joins them", async ({
  page,
  browser,
}) => {
  // Someone signed up on their own and has not confirmed their address yet.
  const existing = uniqueEmail("existing");
  const guestContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const guest = await guestContext.newPage();
  await signUp(guest, { email: existing, password: "their own password", firstName: "Ezra", lastName: "Exists" }, { confirm: false });

  await signUp(page, { email: uniqueEmail("adder"), password: "a long enough password", firstName: "Ada", lastName: "Adder" });
  const orgPath = new URL(page.url()).pathname.replace(/\/dashboard$/, "");
  await page.goto(`${orgPath}/users/invite`);
  await page.getByLabel("E-mail address").fill(existing);
  await page.getByRole("button", { name: "Add the user" }).click();
  // The same answer as for an unknown address: nothing says the address has an account.
  await expect(page.getByText(`An invitation was sent to ${existing}`)).toBeVisible();
  await page.goto(`${orgPath}/users`);
  await expect(page.getByTestId("user-row").filter({ hasText: existing })).toContainText("Invited");

  // Signed in with that address, they join with the link mailed to it (which proves the address).
  await guest.goto(await invitationLink(guest, existing));
  await guest.getByRole("button", { name: /^Join / }).click();
  await expect(guest).toHaveURL(new RegExp(`${orgPath}/dashboard$`), { timeout: 20_000 });
  await guestContext.close();

  await page.reload();
  await expect(page.getByTestId("user-row").filter({ hasText: existing })).toContainText("Active");
  const [user] = await sql<{ confirmed: boolean }>(`SELECT "emailVerifiedAt" IS NOT NULL AS confirmed FROM "User" WHERE email = $1`, [existing]);
  expect(user.confirmed).toBe(true);
});
