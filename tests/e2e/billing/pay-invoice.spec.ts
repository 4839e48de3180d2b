import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { createDb } from "@/lib/db";
import { createInvoice } from "../../factories";
import { pdfText } from "../../integration/support/pdf-text";
import { DEMO_PASSWORD, msg, runtime, signIn } from "../support/helpers";

/** A fresh unpaid invoice of the owner's Organization (Alpine Web, CHF), so each test pays its own. */
async function unpaidInvoice(orgId: string) {
  const db = createDb(runtime().databaseUrl);
  try {
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId } });
    return await createInvoice(db, { org, status: "UNPAID", lines: [{ description: "Domain renewal e2e.ch", unitPriceMinor: 4500, periodMonths: 36 }] });
  } finally {
    await db.$disconnect();
  }
}

async function openInvoice(page: Page) {
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  const orgId = new URL(page.url()).pathname.split("/")[1]!;
  const invoice = await unpaidInvoice(orgId);
  await page.goto(`/${orgId}/invoices/${invoice.id}`);
  return { orgId, invoice };
}

async function payByCard(page: Page, number: string) {
  await page.getByRole("radio", { name: msg("fr", "billing.methods.CARD") }).check();
  await page.getByRole("button", { name: msg("fr", "billing.pay"), exact: true }).click();
  await expect(page).toHaveURL(/\/sandbox\/pay\/cs_/, { timeout: 20_000 });
  await expect(page.getByTestId("sandbox-banner")).toBeVisible();
  await page.locator('input[name="number"]').fill(number);
  await page.locator('input[name="expiry"]').fill("12/30");
  await page.locator('input[name="cvc"]').fill("123");
  await page.locator('form:has(input[name="step"][value="card"]) button[type="submit"]').click();
}

test("[BIL-5] [BIL-7] an invoice paid by card through the sandbox's 3-D Secure step is paid; its PDF shows number, VAT and total", async ({ page }) => {
  const { orgId, invoice } = await openInvoice(page);
  await payByCard(page, "4000 0000 0000 3220");
  await page.locator("#challenge-code").fill("123456");
  await page.locator('form:has(input[name="step"][value="challenge"]) button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/payments/`), { timeout: 20_000 });
  // CHF 45.00 + 8.1 % VAT (3.65) = 48.65
  await expect(page.getByTestId("payment-status")).toContainText("48.65");
  await page.goto(`/${orgId}/invoices/${invoice.id}`);
  await expect(page.getByTestId("invoice-status")).toHaveText(msg("fr", "billing.statuses.PAID"));
  const download = page.waitForEvent("download");
  await page.getByTestId("invoice-pdf").click();
  const text = pdfText(await readFile((await (await download).path())!));
  expect(text).toContain(invoice.number);
  expect(text).toContain("TVA 8,1");
  expect(text).toContain("48.65");
});

test("[BIL-5] a declined card shows the reason and changes nothing", async ({ page }) => {
  const { orgId, invoice } = await openInvoice(page);
  await payByCard(page, "4000 0000 0000 0002");
  await expect(page).toHaveURL(new RegExp(`/${orgId}/payments/`), { timeout: 20_000 });
  await expect(page.getByTestId("payment-status")).toContainText(msg("fr", "billing.failures.DECLINED"));
  await page.goto(`/${orgId}/invoices/${invoice.id}`);
  await expect(page.getByTestId("invoice-status")).toHaveText(msg("fr", "billing.statuses.UNPAID"));
  await expect(page.getByRole("button", { name: msg("fr", "billing.pay"), exact: true })).toBeVisible();
});

test("[BIL-7] the invoice list is filtered by period and searched by amount or number; the filters stay in the URL and a reversed period is a field error", async ({ page }) => {
  const db = createDb(runtime().databaseUrl);
  let orgId: string;
  let invoice: Awaited<ReturnType<typeof createInvoice>>;
  try {
    const org = await db.organization.findFirstOrThrow({ where: { name: "Alpine Web Sàrl" } });
    orgId = org.id;
    invoice = await createInvoice(db, { org, status: "UNPAID", lines: [{ description: "Filtered e2e", unitPriceMinor: 98_765 }] });
  } finally {
    await db.$disconnect();
  }
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  await page.goto(`/${orgId}/invoices`);
  await page.getByLabel(msg("fr", "invoiceFilters.period")).selectOption("last12Months");
  await page.getByLabel(msg("fr", "invoiceFilters.search")).fill((invoice.totalMinor / 100).toFixed(2));
  await page.getByRole("button", { name: msg("fr", "billing.apply"), exact: true }).click();
  await expect(page).toHaveURL(/period=last12Months/);
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByTestId("invoice-row")).toHaveCount(1);
  await expect(page.getByTestId("invoice-row")).toContainText(invoice.number);

  await page.getByLabel(msg("fr", "invoiceFilters.search")).fill(invoice.number);
  await page.getByLabel(msg("fr", "invoiceFilters.period")).selectOption("custom");
  await page.getByLabel(msg("fr", "invoiceFilters.from")).fill("2026-03-01");
  await page.getByLabel(msg("fr", "invoiceFilters.to")).fill("2026-02-01");
  await page.getByRole("button", { name: msg("fr", "billing.apply"), exact: true }).click();
  await expect(page.getByText(msg("fr", "invoiceFilters.errors.endBeforeStart"))).toBeVisible();
  await expect(page.getByTestId("invoice-row")).toHaveCount(0);
});
