import { expect, test } from "@playwright/test";
import { linkPath, msg, openMail, signUp, sql, uniqueEmail } from "../support/helpers";

const en = (key: string, values: Record<string, string> = {}) => msg("en", key, values);

test("[PRT-2] [PRT-3] [PRT-4] [PRT-7] a client adds a partner with limited access to two products; the partner accepts from the e-mail, sees exactly those, tags one; once the client ends it, the partner's next click is a 404", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const key = Date.now().toString(36);
  // The client: a new account and Organization with three products.
  await signUp(page, { email: uniqueEmail("client"), password: "a long enough password", firstName: "Clara", lastName: "Client" });
  const clientOrg = new URL(page.url()).pathname.split("/")[1];
  const clientName = (await sql<{ name: string }>(`SELECT name FROM "Organization" WHERE id = $1`, [clientOrg]))[0].name;
  const names = [`${key}-alpha.example`, `${key}-beta.example`, `${key}-gamma.example`];
  for (const [i, name] of names.entries()) {
    await sql(
      `INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency)
       SELECT $1, $2, id, $3, 'Clara Client', now() + interval '1 year', 1500, 'CHF' FROM "ProductCategory" WHERE code = 'domain'`,
      [`e2e${key}${i}`, clientOrg, name],
    );
  }

  // The partner: its own account and Organization, approved in the partner programme.
  const partnerContext = await browser.newContext();
  const partnerPage = await partnerContext.newPage();
  const partnerEmail = uniqueEmail("reseller");
  await signUp(partnerPage, { email: partnerEmail, password: "a long enough password", firstName: "Paul", lastName: "Partner" });
  const partnerOrg = new URL(partnerPage.url()).pathname.split("/")[1];
  const partnerName = `Reseller ${key} AG`;
  await sql(
    `INSERT INTO "Partner" (id, "orgId", "displayName", "contactEmail", website, "tradeRegisterNumber", "approvedAt") VALUES ($1, $2, $3, $4, 'https://reseller.example', 'CHE-000.000.000', now())`,
    [`e2ep${key}`, partnerOrg, partnerName, partnerEmail],
  );

  // PRT-2: search by name, tick the result, continue; PRT-3: limited access to two products.
  await page.goto(`/${clientOrg}/partners`);
  await page.getByRole("link", { name: en("partnerships.add") }).click();
  await page.getByLabel(en("partnerships.searchLabel")).fill(`Reseller ${key}`);
  await page.getByRole("button", { name: en("partnerships.search") }).click();
  await page.getByRole("radio", { name: new RegExp(partnerName) }).check();
  await page.getByRole("button", { name: en("partnerships.continue") }).click();
  await expect(page.getByRole("heading", { level: 1, name: en("partnerships.accessFor", { name: partnerName }) })).toBeVisible();
  await expect(page.getByRole("radio", { name: new RegExp(en("partnerships.limitedLabel")) })).toBeChecked();
  await page.getByLabel("Search products").fill(key);
  await page.getByRole("checkbox", { name: names[0] }).check();
  await page.getByRole("checkbox", { name: names[1] }).check();
  await page.getByRole("button", { name: en("partnerships.submit") }).click();
  await expect(page.getByText(en("partnerships.invited", { name: partnerName }))).toBeVisible();
  await page.getByRole("link", { name: en("partnerships.backToPartners") }).last().click();
  await expect(page.getByTestId("pending-partners")).toContainText(partnerName);

  // PRT-4: the partner accepts from the e-mail; its dashboard lists the client and the two products.
  const body = await openMail(partnerPage, partnerEmail, /invites you to manage/);
  await partnerPage.goto(linkPath(body, "/partner-invitations/"));
  await expect(partnerPage.getByTestId("offered-products")).toContainText(names[0]);
  await partnerPage.getByRole("button", { name: en("partnerships.answer.accept") }).click();
  await expect(partnerPage).toHaveURL(/\/reseller$/);
  const row = partnerPage.getByRole("row").filter({ hasText: clientName });
  await expect(row.getByTestId("granted-products")).toHaveText(`${names[0]}${names[1]}`);

  // In the client's Organization: the banner, exactly the two products, and a tag attached.
  await row.getByRole("link", { name: clientName }).click();
  await expect(partnerPage.getByTestId("partner-banner")).toContainText(en("shell.actingAsPartner", { client: clientName, partner: partnerName }).split(".")[0]);
  const rows = partnerPage.getByTestId("product-row");
  await expect(rows).toHaveCount(2);
  await expect(partnerPage.locator("main")).not.toContainText(names[2]);
  const beta = rows.filter({ hasText: names[1] });
  await beta.getByRole("button", { name: en("tags.addTagTo", { name: names[1] }) }).click();
  const combobox = partnerPage.getByRole("combobox", { name: en("tags.addTagTo", { name: names[1] }) });
  await combobox.fill(`managed-${key}`);
  const saved = partnerPage.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === `/${clientOrg}/products`);
  await partnerPage.getByRole("option", { name: en("tags.createNamed", { name: `managed-${key}` }) }).click();
  expect((await saved).ok()).toBe(true);
  await combobox.press("Escape");
  const logged = await sql<{ actorKind: string }>(`SELECT "actorKind" FROM "AuditLog" WHERE "orgId" = $1 AND action = 'tag.attached'`, [clientOrg]);
  expect(logged).toEqual([{ actorKind: "PARTNER" }]);

  // PRT-7: the client ends the partnership from the partner's page.
  await page.goto(`/${clientOrg}/partners`);
  await page.getByTestId("active-partners").getByRole("link", { name: partnerName }).click();
  await expect(page.getByTestId("partner-products")).toContainText(names[1]);
  await page.getByRole("button", { name: en("partnerships.end") }).click();
  await page.getByRole("button", { name: en("partnerships.endYes") }).click();
  await expect(page.getByText(en("partnerships.ended", { name: partnerName }))).toBeVisible();

  // The partner's next click answers "not found".
  await partnerPage.getByRole("link", { name: names[0] }).first().click();
  await expect(partnerPage.getByRole("heading", { name: en("notFound.title") })).toBeVisible();
  await partnerContext.close();
});
