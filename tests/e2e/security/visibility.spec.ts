import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { msg, signUp, sql, uniqueEmail } from "../support/helpers";

const id = () => `e2e${randomBytes(10).toString("hex")}`;

/** A fresh Organization whose only member is then demoted to a plain USER (PRD-3: sees only granted products). */
async function userOfFreshOrganization(page: Page, name: string) {
  await signUp(page, { email: uniqueEmail(name), password: "a long enough password", firstName: name, lastName: "Reader" });
  const orgId = new URL(page.url()).pathname.split("/")[1];
  const [membership] = await sql<{ id: string }>(`SELECT id FROM "Membership" WHERE "orgId" = $1`, [orgId]);
  return { orgId, membershipId: membership.id, demote: () => sql(`UPDATE "Membership" SET role = 'USER' WHERE "orgId" = $1`, [orgId]) };
}

async function product(orgId: string, name: string): Promise<string> {
  const productId = id();
  await sql(
    `INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency)
     SELECT $1, $2, c.id, $3, 'Holder', now() + interval '1 year', 1000, 'CHF' FROM "ProductCategory" c WHERE c.code = 'domain'`,
    [productId, orgId, name],
  );
  return productId;
}

async function grant(productId: string, grantee: { membershipId: string } | { teamId: string }, level: "READ" | "MANAGE" = "MANAGE") {
  const [membershipId, teamId] = "membershipId" in grantee ? [grantee.membershipId, null] : [null, grantee.teamId];
  await sql(`INSERT INTO "ProductAccess" (id, "productId", "membershipId", "teamId", level) VALUES ($1, $2, $3, $4, $5)`, [id(), productId, membershipId, teamId, level]);
}

test("[SEC-4] [PRD-3] a USER sees, on a team's page, the teams list and the tags page, only the products granted to them", async ({ page }) => {
  const key = randomBytes(3).toString("hex");
  const me = await userOfFreshOrganization(page, "Vera");
  const mine = `mine-${key}.example`;
  const secret = `secret-${key}.example`;
  const mineId = await product(me.orgId, mine);
  const secretId = await product(me.orgId, secret);
  await grant(mineId, { membershipId: me.membershipId });
  // A team Vera is not in holds both products; a tag is on both.
  const teamId = id();
  await sql(`INSERT INTO "Team" (id, "orgId", name) VALUES ($1, $2, $3)`, [teamId, me.orgId, `Ops ${key}`]);
  await grant(mineId, { teamId });
  await grant(secretId, { teamId });
  const tagId = id();
  await sql(`INSERT INTO "Tag" (id, "orgId", name, "normalizedName", color) VALUES ($1, $2, $3, $4, 'red')`, [tagId, me.orgId, `Mixed ${key}`, `mixed ${key}`]);
  await sql(`INSERT INTO "ProductTag" ("productId", "tagId") VALUES ($1, $3), ($2, $3)`, [mineId, secretId, tagId]);
  await me.demote();

  await page.goto(`/${me.orgId}/teams/${teamId}`);
  await expect(page.getByRole("heading", { level: 1, name: `Ops ${key}` })).toBeVisible();
  await expect(page.getByTestId("team-product")).toHaveCount(1);
  await expect(page.getByTestId("team-product")).toContainText(mine);
  await expect(page.getByText(secret)).toHaveCount(0);

  await page.goto(`/${me.orgId}/teams`);
  await expect(page.getByTestId("team-row").filter({ hasText: `Ops ${key}` }).getByTestId("team-product-count")).toHaveText("1 product");

  await page.goto(`/${me.orgId}/tags`);
  const row = page.getByTestId("tag-row").filter({ hasText: `Mixed ${key}` });
  await expect(row).toContainText("1 product");
  // The tag is also on a product Vera cannot see: hers to attach and detach, not to rename or delete.
  await expect(row.getByTestId("tag-locked")).toHaveText(msg("en", "tags.locked"));
  await expect(row.getByRole("button", { name: msg("en", "tags.actionsFor", { name: `Mixed ${key}` }) })).toHaveCount(0);
});

test("[SEC-5] [PRD-3] a product held through a READ grant is shown read-only: no tag editing in the list or on its page", async ({ page }) => {
  const key = randomBytes(3).toString("hex");
  const me = await userOfFreshOrganization(page, "Rita");
  const readOnly = `look-${key}.example`;
  const managed = `work-${key}.example`;
  const readOnlyId = await product(me.orgId, readOnly);
  await grant(readOnlyId, { membershipId: me.membershipId }, "READ");
  await grant(await product(me.orgId, managed), { membershipId: me.membershipId }, "MANAGE");
  await me.demote();

  await page.goto(`/${me.orgId}/products`);
  const readRow = page.getByTestId("product-row").filter({ hasText: readOnly });
  const manageRow = page.getByTestId("product-row").filter({ hasText: managed });
  await expect(readRow.getByTestId("read-only")).toHaveText(msg("en", "products.level.READ"));
  await expect(readRow.getByRole("button", { name: msg("en", "tags.addTagTo", { name: readOnly }) })).toHaveCount(0);
  await expect(readRow.getByRole("checkbox")).toHaveCount(0);
  await expect(manageRow.getByRole("button", { name: msg("en", "tags.addTagTo", { name: managed }) })).toBeVisible();
  await expect(manageRow.getByTestId("read-only")).toHaveCount(0);

  await page.goto(`/${me.orgId}/products/${readOnlyId}`);
  await expect(page.getByRole("heading", { level: 1, name: readOnly })).toBeVisible();
  await expect(page.getByTestId("read-only-note")).toHaveText(msg("en", "products.readOnlyNote"));
  await expect(page.getByRole("button", { name: msg("en", "tags.addTagTo", { name: readOnly }) })).toHaveCount(0);
});
