import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { msg, signUp, sql, uniqueEmail } from "../support/helpers";

const id = () => `e2e${randomBytes(10).toString("hex")}`;

test("[ORG-5] with more products than one page, typing finds one beyond the first page; granting and withdrawing it works", async ({ page }) => {
  const key = randomBytes(3).toString("hex");
  await signUp(page, { email: uniqueEmail("picker"), password: "a long enough password", firstName: "Pia", lastName: "Picker" });
  const orgId = new URL(page.url()).pathname.split("/")[1];

  // 40 products (more than the picker's page of 25) and a member to grant one to.
  await sql(
    `INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency)
     SELECT 'e2e' || md5(random()::text), $1, c.id, $2 || lpad(n::text, 3, '0') || '.example', 'Pia Picker', now() + interval '1 year', 1500, 'CHF'
     FROM "ProductCategory" c, generate_series(0, 39) n WHERE c.code = 'domain'`,
    [orgId, `bulk-${key}-`],
  );
  const target = `bulk-${key}-037.example`;
  const userId = id();
  const membershipId = id();
  await sql(`INSERT INTO "User" (id, email, "passwordHash", "firstName", "lastName", "updatedAt") VALUES ($1, $2, 'not-a-real-hash', 'Gina', $3, now())`, [
    userId,
    uniqueEmail("grantee"),
    `Grantee-${key}`,
  ]);
  await sql(`INSERT INTO "Membership" (id, "orgId", "userId", role, "updatedAt") VALUES ($1, $2, $3, 'USER', now())`, [membershipId, orgId, userId]);

  await page.goto(`/${orgId}/users/${membershipId}`);
  const picker = page.getByTestId("product-picker");
  const results = picker.getByRole("list", { name: msg("en", "productPicker.results") });
  await expect(picker.getByRole("status")).toHaveText("40 products found");
  await expect(results.getByRole("checkbox")).toHaveCount(25);
  await expect(results.getByRole("checkbox", { name: target })).toHaveCount(0);

  // "Show more" fetches the next page; typing asks the server for what is not loaded.
  await picker.getByRole("button", { name: msg("en", "productPicker.showMore") }).click();
  await expect(results.getByRole("checkbox")).toHaveCount(40);
  await page.reload();
  await picker.getByLabel(msg("en", "productPicker.search")).fill(`${key}-037`);
  await expect(picker.getByRole("status")).toHaveText("1 product found");
  await results.getByRole("checkbox", { name: target }).check();
  await expect(picker.getByRole("button", { name: `Remove ${target}` })).toBeVisible();
  await page.getByRole("button", { name: msg("en", "memberPermissions.save") }).click();
  await expect(page.getByText(msg("en", "memberPermissions.saved"))).toBeVisible();
  const granted = () => sql<{ name: string }>(`SELECT p.name FROM "ProductAccess" a JOIN "Product" p ON p.id = a."productId" WHERE a."membershipId" = $1`, [membershipId]);
  expect(await granted()).toEqual([{ name: target }]);

  // Shown as granted when the page opens again (only the granted products are read), then withdrawn.
  await page.reload();
  await picker.getByRole("button", { name: `Remove ${target}` }).click();
  await expect(picker.getByText(msg("en", "productPicker.noneSelected"))).toBeVisible();
  await page.getByRole("button", { name: msg("en", "memberPermissions.save") }).click();
  await expect(page.getByText(msg("en", "memberPermissions.saved"))).toBeVisible();
  expect(await granted()).toEqual([]);
});
