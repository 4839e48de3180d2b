import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { msg, signUp, sql, uniqueEmail } from "../support/helpers";

const id = () => `e2e${randomBytes(10).toString("hex")}`;

test("[TAG-2][TAG-3][TAG-4] filter by tag, attach a new coloured tag from the list, rename it and see it renamed in the list", async ({ page }) => {
  const key = randomBytes(3).toString("hex");
  await signUp(page, { email: uniqueEmail("tags"), password: "a long enough password", firstName: "Tom", lastName: "Tagger" });
  const orgId = new URL(page.url()).pathname.split("/")[1];

  // A fresh Organization has no products: add three, one of them already tagged "prod".
  const names = [`alpha-${key}.example`, `beta-${key}.example`, `gamma-${key}.example`];
  const ids = names.map(() => id());
  for (const [i, name] of names.entries()) {
    await sql(
      `INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency)
       SELECT $1, $2, c.id, $3, 'Tom Tagger', now() + interval '1 year', 1500, 'CHF' FROM "ProductCategory" c WHERE c.code = 'domain'`,
      [ids[i], orgId, name],
    );
  }
  const prodTag = `prod-${key}`;
  const prodTagId = id();
  await sql(`INSERT INTO "Tag" (id, "orgId", name, "normalizedName", color) VALUES ($1, $2, $3, $3, 'green')`, [prodTagId, orgId, prodTag]);
  await sql(`INSERT INTO "ProductTag" ("productId", "tagId") VALUES ($1, $2)`, [ids[0], prodTagId]);

  const nav = page.getByRole("navigation", { name: msg("en", "shell.mainNavigation") });
  await nav.getByRole("link", { name: msg("en", "products.title") }).click();
  await expect(page.getByRole("heading", { level: 1, name: msg("en", "products.title") })).toBeVisible();
  const rows = page.getByTestId("product-row");
  await expect(rows).toHaveCount(3);

  // TAG-4: filter by tag, picked in the combobox by typing; the filter lives in the URL.
  const tagFilter = page.getByRole("combobox", { name: msg("en", "products.tagFilter"), exact: true });
  await tagFilter.fill("PROD-");
  await page.getByRole("listbox").getByRole("option", { name: prodTag }).click();
  await expect(tagFilter).toHaveValue(prodTag);
  await page.getByRole("button", { name: msg("en", "products.applyFilters") }).click();
  await expect(page).toHaveURL(new RegExp(`tagId=${prodTagId}`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(names[0]);
  await expect(tagFilter).toHaveValue(prodTag);
  await page.getByRole("link", { name: msg("en", "products.clearFilters") }).click();
  await expect(rows).toHaveCount(3);
  await expect(tagFilter).toHaveValue("");

  // TAG-2: "+" opens the combobox; type a new name, pick a colour, create it.
  const newTag = `client-${key}`;
  const beta = rows.filter({ hasText: names[1] });
  await beta.getByRole("button", { name: msg("en", "tags.addTagTo", { name: names[1] }) }).click();
  const combobox = page.getByRole("combobox", { name: msg("en", "tags.addTagTo", { name: names[1] }) });
  await expect(combobox).toBeFocused();
  await combobox.fill(newTag);
  await page.getByRole("radio", { name: msg("en", "tags.colors.violet") }).check({ force: true });
  // The chip shows at once (optimistic); the reload below must wait for the server's answer.
  const saved = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/${orgId}/products`);
  await page.getByRole("option", { name: msg("en", "tags.createNamed", { name: newTag }) }).click();
  expect((await saved).ok()).toBe(true);
  // The chip in the cell (not the combobox's own option for the new tag).
  const betaChip = beta.getByRole("button", { name: msg("en", "tags.editTagsOf", { name: names[1], tag: newTag }) }).getByTestId("tag-chip");
  await expect(betaChip).toHaveAttribute("data-color", "violet");
  await combobox.press("Escape");
  await expect(combobox).toHaveCount(0);

  // It was saved: still there after a reload, on that product only.
  await page.reload();
  await expect(betaChip).toHaveAttribute("data-color", "violet");
  await expect(page.getByTestId("tag-chip").filter({ hasText: newTag })).toHaveCount(1);

  // The keyboard alone: type-ahead, Enter attaches the highlighted existing tag, Escape closes.
  const gamma = rows.filter({ hasText: names[2] });
  const plus = gamma.getByRole("button", { name: msg("en", "tags.addTagTo", { name: names[2] }) });
  await plus.focus();
  await page.keyboard.press("Enter");
  const gammaBox = page.getByRole("combobox", { name: msg("en", "tags.addTagTo", { name: names[2] }) });
  await expect(gammaBox).toBeFocused();
  await page.keyboard.type("prod-");
  await expect(page.getByTestId("tag-combobox").getByRole("option", { name: prodTag })).toHaveAttribute("aria-selected", "false");
  await page.keyboard.press("Enter");
  await expect(gamma.getByRole("button", { name: msg("en", "tags.editTagsOf", { name: names[2], tag: prodTag }) })).toBeVisible();
  await expect(page.getByTestId("tag-combobox").getByRole("option", { name: prodTag })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Escape");
  await expect(gammaBox).toHaveCount(0);
  await expect(plus).toBeFocused();

  // TAG-3: rename it on the management page through the ⋮ menu.
  await nav.getByRole("link", { name: msg("en", "tags.title") }).click();
  await expect(page.getByRole("heading", { level: 1, name: msg("en", "tags.title") })).toBeVisible();
  const tagRow = page.getByTestId("tag-row").filter({ hasText: newTag });
  await expect(tagRow).toContainText("1 product");
  await tagRow.getByRole("button", { name: msg("en", "tags.actionsFor", { name: newTag }) }).click();
  await page.getByRole("menuitem", { name: msg("en", "tags.renameOrRecolour") }).click();
  const renamed = `customer-${key}`;
  const editForm = page.getByRole("form", { name: msg("en", "tags.editTag", { name: newTag }) });
  await editForm.getByLabel(msg("en", "tags.name")).fill(renamed);
  await editForm.getByRole("button", { name: msg("en", "tags.save") }).click();
  await expect(page.getByTestId("tag-row").filter({ hasText: renamed })).toBeVisible();
  await expect(page.getByTestId("tag-row").filter({ hasText: newTag })).toHaveCount(0);

  // The list shows the new name.
  await nav.getByRole("link", { name: msg("en", "products.title") }).click();
  await expect(rows.filter({ hasText: names[1] }).getByTestId("tag-chip").filter({ hasText: renamed })).toBeVisible();
  await expect(page.getByTestId("tag-chip").filter({ hasText: newTag })).toHaveCount(0);
});

test("[TAG-2][TAG-4] with many tags the page carries only the first ones; the filter and the bulk action find the others by typing", async ({ page }) => {
  const key = randomBytes(3).toString("hex");
  await signUp(page, { email: uniqueEmail("many-tags"), password: "a long enough password", firstName: "Mona", lastName: "Many" });
  const orgId = new URL(page.url()).pathname.split("/")[1];
  const name = `solo-${key}.example`;
  await sql(
    `INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency)
     SELECT $1, $2, c.id, $3, 'Mona Many', now() + interval '1 year', 1500, 'CHF' FROM "ProductCategory" c WHERE c.code = 'domain'`,
    [id(), orgId, name],
  );
  // 60 tags "many-00" … "many-59", and one far down the alphabet.
  await sql(
    `INSERT INTO "Tag" (id, "orgId", name, "normalizedName", color)
     SELECT 'e2e' || md5(random()::text || i), $1, 'many-' || lpad(i::text, 2, '0'), 'many-' || lpad(i::text, 2, '0'), 'blue' FROM generate_series(0, 59) i`,
    [orgId],
  );
  const far = `zulu-${key}`;
  const farId = id();
  await sql(`INSERT INTO "Tag" (id, "orgId", name, "normalizedName", color) VALUES ($1, $2, $3, $3, 'pink')`, [farId, orgId, far]);

  await page.goto(`/${orgId}/products`);
  const rows = page.getByTestId("product-row");
  await expect(rows).toHaveCount(1);
  const html = await page.content();
  expect(html).toContain("many-00");
  expect(html).not.toContain("many-55");
  expect(html).not.toContain(far);

  // Typing asks the server for the tags beyond the first ones.
  const tagFilter = page.getByRole("combobox", { name: msg("en", "products.tagFilter"), exact: true });
  await tagFilter.fill("ZULU");
  const farOption = page.getByRole("listbox").getByRole("option", { name: far });
  await expect(farOption).toBeVisible();
  // The open combobox is accessible too (ARIA 1.2 pattern).
  const axe = await new AxeBuilder({ page }).include("form[role=search]").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await tagFilter.press("Enter");
  await expect(tagFilter).toHaveValue(far);
  await page.getByRole("button", { name: msg("en", "products.applyFilters") }).click();
  await expect(page).toHaveURL(new RegExp(`tagId=${farId}`));
  await expect(rows).toHaveCount(0);
  // The filtered tag is shown although it is not among the first ones.
  await expect(tagFilter).toHaveValue(far);

  // The bulk action's picker finds it the same way.
  await page.getByRole("link", { name: msg("en", "products.clearFilters") }).click();
  await expect(rows).toHaveCount(1);
  await page.getByRole("checkbox", { name: msg("en", "products.select", { name }) }).check();
  const bulkTag = page.getByRole("combobox", { name: msg("en", "products.bulkTag"), exact: true });
  await bulkTag.fill("many-5");
  await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(10);
  await bulkTag.fill("zul");
  await page.getByRole("listbox").getByRole("option", { name: far }).click();
  await expect(bulkTag).toHaveValue(far);
  await page.getByRole("button", { name: "Attach to 1 product" }).click();
  await expect(rows.first().getByTestId("tag-chip").filter({ hasText: far })).toBeVisible();

  // The row's combobox too: a tag beyond the first ones, then a new one, known at once when typed again.
  await rows.first().getByRole("button", { name: msg("en", "tags.addTagTo", { name }) }).click();
  const box = page.getByRole("combobox", { name: msg("en", "tags.addTagTo", { name }) });
  const popup = page.getByTestId("tag-combobox");
  await box.fill("many-59");
  await expect(popup.getByRole("option", { name: "many-59", exact: true })).toHaveAttribute("aria-selected", "false");
  await box.press("Enter");
  await expect(rows.first().getByRole("button", { name: msg("en", "tags.editTagsOf", { name, tag: "many-59" }) })).toBeVisible();
  const fresh = `new-${key}`;
  await box.fill(fresh);
  await popup.getByRole("option", { name: msg("en", "tags.createNamed", { name: fresh }) }).click();
  await expect(rows.first().getByRole("button", { name: msg("en", "tags.editTagsOf", { name, tag: fresh }) })).toBeVisible();
  await box.fill(fresh.toUpperCase());
  await expect(popup.getByRole("option", { name: fresh, exact: true })).toHaveAttribute("aria-selected", "true");
  await expect(popup.getByRole("option", { name: msg("en", "tags.createNamed", { name: fresh.toUpperCase() }) })).toHaveCount(0);
});

test("[PRD-2][PRD-3] the product page shows holder, manager and payer apart; another Organization's product is a 404", async ({ page }) => {
  const key = randomBytes(3).toString("hex");
  await signUp(page, { email: uniqueEmail("product"), password: "a long enough password", firstName: "Pia", lastName: "Payer" });
  const orgId = new URL(page.url()).pathname.split("/")[1];
  const productId = id();
  const name = `owned-${key}.example`;
  await sql(
    `INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "holderEmail", "expiresAt", "priceMinor", currency)
     SELECT $1, $2, c.id, $3, 'Rita Registrant', 'rita@holder.example', now() + interval '1 year', 1500, 'CHF' FROM "ProductCategory" c WHERE c.code = 'domain'`,
    [productId, orgId, name],
  );
  // A product of one of the demo Organizations, which this user is not a member of.
  const [foreign] = await sql<{ id: string; orgId: string }>(`SELECT id, "orgId" FROM "Product" WHERE "orgId" <> $1 LIMIT 1`, [orgId]);

  await page.goto(`/${orgId}/products`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const parties = page.getByTestId("product-parties");
  await expect(parties).toContainText(msg("en", "products.partiesExplanation"));
  await expect(parties).toContainText("Rita Registrant");
  await expect(parties).toContainText(msg("en", "products.payerIsManager"));
  await expect(parties.getByRole("note")).toContainText(msg("en", "products.checkDetailsTitle"));

  await page.goto(`/${orgId}/products/${foreign.id}`);
  await expect(page.getByRole("heading", { name: msg("en", "notFound.title") })).toBeVisible();
  await page.goto(`/${foreign.orgId}/tags`);
  await expect(page.getByRole("heading", { name: msg("en", "notFound.title") })).toBeVisible();
});
