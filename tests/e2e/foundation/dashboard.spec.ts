import { expect, test, type Page } from "@playwright/test";
import { DAY } from "@/lib/clock";
import { createDb } from "@/lib/db";
import { addMember, createInvoice, createOrganization, createProducts, createUsers, grantProductAccess } from "../../factories";
import { msg, runtime, signIn, uniqueEmail } from "../support/helpers";

const PASSWORD = "dashboard-e2e-password";

/**
 * An Organization of its own (other tests pay the demo's invoices): its legal representative, a user with
 * one granted product, a product expiring in five days and an invoice ten days past its due date.
 */
async function world() {
  const db = createDb(runtime().databaseUrl);
  try {
    const [representative, user] = await createUsers(db, [
      { email: uniqueEmail("dash-lr"), password: PASSWORD, firstName: "Dana" },
      { email: uniqueEmail("dash-user"), password: PASSWORD, firstName: "Ugo" },
    ]);
    const org = await createOrganization(db, { legalRepresentativeId: representative.id });
    const member = await addMember(db, org.id, user.id, "USER");
    const at = Date.now();
    const [expiring] = await createProducts(db, [{ orgId: org.id, name: `soon-${org.id}.ch`, expiresAt: new Date(at + 5 * DAY) }, { orgId: org.id }]);
    await grantProductAccess(db, { membershipId: member.id, productIds: [expiring.id] });
    const overdue = await createInvoice(db, { org, status: "UNPAID", issuedAt: new Date(at - 40 * DAY), dueAt: new Date(at - 10 * DAY) });
    return { orgId: org.id, representative, user, overdue };
  } finally {
    await db.$disconnect();
  }
}

const h1 = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });

test("[BIL-1] [BIL-2] [ORG-1] each dashboard card leads to the page that handles it", async ({ page }) => {
  const { orgId, representative } = await world();
  await signIn(page, representative.email, PASSWORD);
  const cards: { card: string; url: RegExp; heading: string }[] = [
    { card: "unpaid-invoices", url: new RegExp(`/${orgId}/invoices\\?status=UNPAID$`), heading: msg("en", "billing.invoicesTitle") },
    { card: "expiring", url: new RegExp(`/${orgId}/payments$`), heading: msg("en", "payments.title") },
    { card: "pending-orders", url: new RegExp(`/${orgId}/orders$`), heading: msg("en", "orders.title") },
    { card: "products", url: new RegExp(`/${orgId}/products$`), heading: msg("en", "products.title") },
    { card: "past-due", url: new RegExp(`/${orgId}/products\\?sort=expiry&dir=asc$`), heading: msg("en", "products.title") },
    { card: "members", url: new RegExp(`/${orgId}/users$`), heading: msg("en", "users.title") },
  ];
  for (const { card, url, heading } of cards) {
    await page.goto(`/${orgId}/dashboard`);
    await page.getByTestId(`card-${card}`).click();
    await expect(page).toHaveURL(url);
    await expect(h1(page, heading)).toBeVisible();
  }
  // The unpaid-invoices card's filter is applied on the page it opens: only unpaid invoices are listed.
  await page.goto(`/${orgId}/invoices?status=UNPAID`);
  await expect(page.getByTestId("invoice-status").first()).toHaveText(msg("en", "billing.statuses.OVERDUE"));
});

test("[BIL-1] an overdue invoice needs attention first and its item opens the invoice; a user without billing rights sees neither", async ({ page }) => {
  const { orgId, representative, user, overdue } = await world();
  await signIn(page, representative.email, PASSWORD);
  await page.goto(`/${orgId}/dashboard`);
  const attention = page.getByTestId("attention");
  await expect(attention.getByRole("heading", { name: msg("en", "dashboard.attentionTitle") })).toBeVisible();
  const item = attention.locator('[data-kind="overdueInvoices"]');
  await expect(item).toBeVisible();
  // Money owed comes before the rest (here: the representative's own second factor, which is off).
  await expect(attention.getByTestId("attention-item").first()).toHaveAttribute("data-kind", "overdueInvoices");
  await expect(attention.locator('[data-kind="twoFactorOff"]')).toHaveText(msg("en", "dashboard.attention.twoFactorOff"));
  await item.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/invoices/${overdue.id}$`));
  await expect(h1(page, msg("en", "billing.invoiceTitle", { number: overdue.number }))).toBeVisible();
  // The activity log's latest entries, for those who may read it, lead to the whole log.
  await page.goto(`/${orgId}/dashboard`);
  await page.getByTestId("recent-activity").getByRole("link", { name: msg("en", "dashboard.activityAll") }).click();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/activity$`));

  await page.context().clearCookies();
  await signIn(page, user.email, PASSWORD);
  await page.goto(`/${orgId}/dashboard`);
  await expect(page.getByTestId("card-products")).toBeVisible();
  await expect(page.getByTestId("card-products").getByTestId("card-value")).toHaveText("1");
  await expect(page.getByTestId("card-unpaid-invoices")).toHaveCount(0);
  await expect(page.getByTestId("card-pending-orders")).toHaveCount(0);
  await expect(page.locator('[data-kind="overdueInvoices"]')).toHaveCount(0);
  await expect(page.getByTestId("recent-activity")).toHaveCount(0);
  // Expiring products lead those who do not pay to the products concerned.
  await page.getByTestId("card-expiring").click();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/products\\?expiresWithin=14&sort=expiry$`));
});

test("[TAG-3] a saved change is confirmed in a status region that screen readers announce", async ({ page }) => {
  const { orgId, representative } = await world();
  await signIn(page, representative.email, PASSWORD);
  await page.goto(`/${orgId}/tags`);
  const status = page.getByRole("status").filter({ hasText: msg("en", "app.saved") });
  await expect(status).toHaveCount(0);
  await page.getByRole("button", { name: msg("en", "tags.addTag") }).click();
  await page.getByLabel(msg("en", "tags.name"), { exact: true }).fill("Confirmed");
  await page.getByRole("button", { name: msg("en", "tags.create"), exact: true }).click();
  await expect(status).toBeVisible();
  await expect(status).toHaveAttribute("aria-live", "polite");
  await expect(page.getByTestId("tag-row").filter({ hasText: "Confirmed" })).toBeVisible();
});
