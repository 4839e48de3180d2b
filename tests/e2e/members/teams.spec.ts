import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { msg, signUp, sql, uniqueEmail } from "../support/helpers";

const id = () => `e2e${randomBytes(10).toString("hex")}`;

test("[ORG-6] a legal representative creates a team, adds a member, grants it a product and sees the counts", async ({ page }) => {
  const key = randomBytes(3).toString("hex");
  await signUp(page, { email: uniqueEmail("teams"), password: "a long enough password", firstName: "Tina", lastName: "Teams" });
  const orgId = new URL(page.url()).pathname.split("/")[1];

  // A fresh Organization has no products and no second member: add them directly.
  const colleagueId = id();
  await sql(`INSERT INTO "User" (id, email, "passwordHash", "firstName", "lastName", "updatedAt") VALUES ($1, $2, 'not-a-real-hash', 'Paula', $3, now())`, [
    colleagueId,
    uniqueEmail("colleague"),
    `Colleague-${key}`,
  ]);
  await sql(`INSERT INTO "Membership" (id, "orgId", "userId", role, "updatedAt") VALUES ($1, $2, $3, 'USER', now())`, [id(), orgId, colleagueId]);
  const productName = `site-${key}.example`;
  await sql(
    `INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency)
     SELECT $1, $2, c.id, $3, 'Tina Teams', now() + interval '1 year', 12000, 'CHF' FROM "ProductCategory" c WHERE c.code = 'hosting'`,
    [id(), orgId, productName],
  );

  await page.getByRole("navigation", { name: msg("en", "shell.mainNavigation") }).getByRole("link", { name: msg("en", "teams.title") }).click();
  await expect(page.getByRole("heading", { level: 1, name: msg("en", "teams.title") })).toBeVisible();
  await expect(page.getByText(msg("en", "teams.empty"))).toBeVisible();

  const teamName = `Web team ${key}`;
  await page.getByLabel(msg("en", "teams.newTeamName")).fill(teamName);
  await page.getByRole("button", { name: msg("en", "teams.create") }).click();
  await expect(page.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/teams/[a-z0-9]+$`));

  await page.getByRole("checkbox", { name: new RegExp(`Paula Colleague-${key}`) }).check();
  await page.getByRole("button", { name: msg("en", "teams.addSelectedMembers") }).click();
  await expect(page.getByTestId("team-member")).toContainText(`Paula Colleague-${key}`);

  // The product picker, filtered by category.
  await page.getByLabel(msg("en", "productPicker.category")).selectOption({ label: msg("en", "categories.hosting") });
  await page.getByRole("checkbox", { name: productName }).check();
  await page.getByRole("button", { name: msg("en", "teams.grantSelectedProducts") }).click();
  await expect(page.getByTestId("team-product")).toContainText(productName);

  await page.getByRole("link", { name: msg("en", "teams.backToTeams") }).click();
  const row = page.getByTestId("team-row").filter({ hasText: teamName });
  await expect(row.getByTestId("team-member-count")).toHaveText("1 member");
  await expect(row.getByTestId("team-product-count")).toHaveText("1 product");

  // Every step is in the Organization's activity log.
  await page.getByRole("navigation", { name: msg("en", "shell.mainNavigation") }).getByRole("link", { name: msg("en", "activity.title") }).click();
  const activity = page.getByTestId("activity-row");
  await expect(activity.filter({ hasText: msg("en", "activity.actions.team.created") })).toContainText(teamName);
  await expect(activity.filter({ hasText: msg("en", "activity.actions.team.productGranted") })).toContainText(productName);
});

test("[ORG-6] another Organization's team is a 404, and a user sees no activity page", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("teams404"), password: "a long enough password", firstName: "Nina", lastName: "Nosy" });
  const orgId = new URL(page.url()).pathname.split("/")[1];
  const [foreign] = await sql<{ id: string }>(`SELECT id FROM "Team" WHERE "orgId" <> $1 LIMIT 1`, [orgId]);
  expect(foreign).toBeTruthy();
  await page.goto(`/${orgId}/teams/${foreign.id}`);
  await expect(page.getByRole("heading", { name: msg("en", "notFound.title") })).toBeVisible();

  // Demoted to a plain user, the same person loses the activity page (audit.read) but keeps read-only teams.
  await sql(`UPDATE "Membership" SET role = 'USER' WHERE "orgId" = $1`, [orgId]);
  await page.goto(`/${orgId}/activity`);
  await expect(page.getByRole("heading", { name: msg("en", "notFound.title") })).toBeVisible();
  await page.goto(`/${orgId}/teams`);
  await expect(page.getByRole("heading", { level: 1, name: msg("en", "teams.title") })).toBeVisible();
  await expect(page.getByLabel(msg("en", "teams.newTeamName"))).toHaveCount(0);
});
