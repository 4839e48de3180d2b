import { expect, test } from "@playwright/test";
import { msg, signIn, signUp, sql, uniqueEmail } from "../support/helpers";

test("[ORG-3] replace the legal representative as the guide says: appoint another, then leave", async ({ page, browser }) => {
  // Two sign-ups, each confirmed through the mailbox (SEC-2), before the scenario itself.
  test.setTimeout(120_000);
  const ownerEmail = uniqueEmail("owner");
  const successorEmail = uniqueEmail("successor");
  // The successor has an account of their own; they are a user of the owner's Organization.
  const other = await browser.newPage();
  await signUp(other, { email: successorEmail, password: "successor password", firstName: "Sam", lastName: "Nachfolger" });
  await other.close();
  await signUp(page, { email: ownerEmail, password: "owner password 1", firstName: "Olga", lastName: "Gründerin" });
  const orgId = new URL(page.url()).pathname.split("/")[1];
  await sql(
    `INSERT INTO "Membership" (id, "orgId", "userId", role, "updatedAt") SELECT 'm_' || md5(random()::text), $1, id, 'USER', now() FROM "User" WHERE email = $2`,
    [orgId, successorEmail],
  );

  await page.goto(`/${orgId}/users`);
  await expect(page.getByTestId("user-row")).toHaveCount(2);

  // Leaving while being the only legal representative is refused with the rule explained.
  await page.getByRole("button", { name: msg("en", "users.leave") }).click();
  await page.getByRole("button", { name: msg("en", "users.confirmLeaveButton") }).click();
  await expect(page.getByText(msg("en", "errors.lastLegalRepresentative"))).toBeVisible();

  // Appoint the successor legal representative…
  const successorRow = page.getByTestId("user-row").filter({ hasText: successorEmail });
  await successorRow.getByLabel(msg("en", "users.roleOf", { name: "Sam Nachfolger" })).selectOption("LEGAL_REPRESENTATIVE");
  await successorRow.getByRole("button", { name: msg("en", "users.saveRole") }).click();
  await expect(successorRow).toContainText(msg("en", "roles.LEGAL_REPRESENTATIVE"));

  // …then the former one leaves.
  await page.getByRole("button", { name: msg("en", "users.leave") }).click();
  await page.getByRole("button", { name: msg("en", "users.confirmLeaveButton") }).click();
  await expect(page).not.toHaveURL(new RegExp(`/${orgId}/`));

  const reps = await sql<{ email: string }>(
    `SELECT u.email FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."orgId" = $1 AND m.role = 'LEGAL_REPRESENTATIVE'`,
    [orgId],
  );
  expect(reps).toEqual([{ email: successorEmail }]);

  // The successor now manages the Organization.
  const successor = await browser.newPage();
  await signIn(successor, successorEmail, "successor password");
  await successor.goto(`/${orgId}/users`);
  await expect(successor.getByTestId("user-row")).toHaveCount(1);
  await successor.close();
});
