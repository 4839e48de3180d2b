import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { msg, signUp, sql, uniqueEmail } from "../support/helpers";

const id = () => `e2e${randomBytes(10).toString("hex")}`;

test("[PRD-1] the filtered products list downloads as a CSV file holding that view only", async ({ page }) => {
  const key = randomBytes(3).toString("hex");
  await signUp(page, { email: uniqueEmail("export"), password: "a long enough password", firstName: "Eve", lastName: "Export" });
  const orgId = new URL(page.url()).pathname.split("/")[1];
  const names = [`kept-${key}.example`, `other-${key}.example`];
  const ids = names.map(() => id());
  for (const [i, name] of names.entries()) {
    await sql(
      `INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency)
       SELECT $1, $2, c.id, $3, 'Eve Export', now() + interval '1 year', 1500, 'CHF' FROM "ProductCategory" c WHERE c.code = 'domain'`,
      [ids[i], orgId, name],
    );
  }
  const tagId = id();
  await sql(`INSERT INTO "Tag" (id, "orgId", name, "normalizedName", color) VALUES ($1, $2, $3, $3, 'blue')`, [tagId, orgId, `keep-${key}`]);
  await sql(`INSERT INTO "ProductTag" ("productId", "tagId") VALUES ($1, $2)`, [ids[0], tagId]);

  await page.goto(`/${orgId}/products?tagId=${tagId}`);
  await expect(page.getByTestId("product-row")).toHaveCount(1);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: msg("en", "products.exportCsv") }).click()]);
  expect(download.suggestedFilename()).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
  // Every cell is quoted (SEC-9).
  expect(lines[0]).toBe(`"ID","Name","Category","Status","Expiry","${msg("en", "products.columns.renewalMonths")}","Auto-renewal","Tags"`);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(names[0]);
  expect(text).not.toContain(names[1]);
});
