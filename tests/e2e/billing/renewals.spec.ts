import { expect, test, type Page } from "@playwright/test";
import { createDb } from "@/lib/db";
import { createProducts } from "../../factories";
import { DEMO_PASSWORD, msg, runtime, signIn, sql } from "../support/helpers";

const DAY = 86_400_000;

/** Alpine Web (CHF, a saved Visa): the owner may land in another Organization, so it is opened by name. */
async function alpineId(): Promise<string> {
  const [row] = await sql<{ id: string }>(`SELECT id FROM "Organization" WHERE name LIKE 'Alpine Web%' ORDER BY "createdAt" LIMIT 1`);
  return row!.id;
}

/** Two fresh products of this test, found on the page by a unique search. */
async function products(orgId: string, key: string) {
  const db = createDb(runtime().databaseUrl);
  try {
    return await createProducts(db, [
      { orgId, name: `${key}-soon.ch`, expiresAt: new Date(Date.now() + 10 * DAY) },
      { orgId, name: `${key}-later.ch`, expiresAt: new Date(Date.now() + 120 * DAY) },
    ]);
  } finally {
    await db.$disconnect();
  }
}

async function openOrg(page: Page) {
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  return alpineId();
}

test("[BIL-8] [BIL-9] auto-renewal turned on in bulk: the product expiring in 10 days is refused (renew it first), the other renews with the saved card", async ({ page }) => {
  const orgId = await openOrg(page);
  const key = `renew-e2e-${Date.now().toString(36)}`;
  const [soon, later] = await products(orgId, key);
  await page.goto(`/${orgId}/payments/renewals?q=${key}`);
  await expect(page.getByTestId("renewal-row")).toHaveCount(2);
  await page.getByRole("checkbox", { name: msg("fr", "renewals.selectAll") }).check();
  await page.getByRole("button", { name: msg("fr", "renewals.turnOn"), exact: true }).click();

  const outcomes = page.getByTestId("renewal-outcome");
  await expect(outcomes).toHaveCount(2, { timeout: 20_000 });
  await expect(page.locator('[data-outcome="REFUSED"]')).toContainText(msg("fr", "renewals.reasons.EXPIRES_SOON", { name: soon!.name }));
  await expect(page.locator('[data-outcome="ENABLED"]')).toContainText(msg("fr", "renewals.outcomes.ENABLED", { name: later!.name }));
  const laterRow = page.getByTestId("renewal-row").filter({ hasText: later!.name });
  await expect(laterRow.getByTestId("auto-renew")).toContainText(msg("fr", "renewals.onWith", { method: "Visa •••• 4242" }));
  const rows = await sql<{ name: string; autoRenew: boolean }>(`SELECT name, "autoRenew" FROM "Product" WHERE id = ANY($1) ORDER BY name`, [[soon!.id, later!.id]]);
  expect(rows).toEqual([
    { name: later!.name, autoRenew: true },
    { name: soon!.name, autoRenew: false },
  ]);
  // The 12-month forecast, also readable as a table.
  await page.getByText(msg("fr", "renewals.forecastTable")).click();
  await expect(page.getByTestId("forecast-table").locator("tbody tr")).toHaveCount(12);
});

test("[BIL-10] the billing messages save themselves at each change, announced without a submit button", async ({ page }) => {
  const orgId = await openOrg(page);
  await page.goto(`/${orgId}/organization`);
  const section = page.getByRole("region", { name: msg("fr", "renewals.messagesHeading") });
  await expect(section.getByRole("button")).toHaveCount(0);
  const reminders = section.getByRole("checkbox", { name: msg("fr", "renewals.remindersEnabled") });
  const status = section.getByTestId("billing-messages-status");
  await expect(reminders).toBeChecked();

  const saved = async () => {
    const [pref] = await sql<{ remindersEnabled: boolean; reminderDaysBefore: number }>(`SELECT "remindersEnabled", "reminderDaysBefore" FROM "BillingPreference" WHERE "orgId" = $1`, [orgId]);
    return pref;
  };

  await section.getByLabel(msg("fr", "renewals.reminderDays")).selectOption("60");
  await expect(status).toContainText(msg("fr", "renewals.saved"));
  await expect.poll(saved).toEqual({ remindersEnabled: true, reminderDaysBefore: 60 });
  await reminders.uncheck();
  await expect(section.getByLabel(msg("fr", "renewals.reminderDays"))).toHaveCount(0);
  await expect.poll(saved).toEqual({ remindersEnabled: false, reminderDaysBefore: 60 });
  await expect(status).toContainText(msg("fr", "renewals.saved"));

  await page.reload();
  await expect(reminders).not.toBeChecked();

  // Back as the demo had it.
  await reminders.check();
  await expect.poll(saved).toEqual({ remindersEnabled: true, reminderDaysBefore: 60 });
  await section.getByLabel(msg("fr", "renewals.reminderDays")).selectOption("30");
  await expect.poll(saved).toEqual({ remindersEnabled: true, reminderDaysBefore: 30 });
  await expect(status).toContainText(msg("fr", "renewals.saved"));
});
