import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { DAY } from "@/lib/clock";
import { createDb } from "@/lib/db";
import { createProducts, unique } from "../../factories";
import { pdfText } from "../../integration/support/pdf-text";
import { DEMO_PASSWORD, msg, runtime, signIn } from "../support/helpers";

type Due = { id: string; name: string; expiresAt: Date };

/** Fresh products of Alpine Web (CHF, 8.1 % VAT) due in 3 days, so each test renews its own. */
async function dueProducts(lines: { category: "domain" | "hosting"; priceMinor: number; inDays?: number }[]): Promise<{ orgId: string; products: Due[] }> {
  const db = createDb(runtime().databaseUrl);
  try {
    const org = await db.organization.findFirstOrThrow({ where: { name: "Alpine Web Sàrl" } });
    const key = unique("renew");
    const products = await createProducts(
      db,
      lines.map((l, i) => ({ orgId: org.id, name: `${key}-${i}.ch`, category: l.category, priceMinor: l.priceMinor, currency: "CHF", renewalPeriodMonths: 12, expiresAt: new Date(Date.now() + (l.inDays ?? 3) * DAY) })),
    );
    return { orgId: org.id, products };
  } finally {
    await db.$disconnect();
  }
}

async function state(productIds: string[]) {
  const db = createDb(runtime().databaseUrl);
  try {
    const products = await db.product.findMany({ where: { id: { in: productIds } }, select: { id: true, expiresAt: true } });
    const invoices = await db.invoice.findMany({ where: { lines: { some: { productId: { in: productIds } } } }, select: { status: true, order: { select: { status: true } } } });
    return { expiry: Object.fromEntries(products.map((p) => [p.id, p.expiresAt.toISOString()])), invoices };
  } finally {
    await db.$disconnect();
  }
}

const row = (page: Page, p: Due) => page.getByTestId("renewal-row").filter({ hasText: p.name });

async function selectAndPay(page: Page, orgId: string, products: Due[], card: string, periods: Record<string, string> = {}) {
  // The owner may land in another Organization: open Alpine Web's page explicitly.
  await page.goto(`/${orgId}/payments`);
  for (const p of products) {
    await row(page, p).getByRole("checkbox", { name: msg("fr", "payments.select", { name: p.name }) }).check();
    if (periods[p.id]) await row(page, p).getByRole("combobox", { name: msg("fr", "payments.periodLabel", { name: p.name }) }).selectOption(periods[p.id]!);
  }
  await page.getByRole("radio", { name: msg("fr", "billing.methods.CARD") }).check();
  await page.getByRole("button", { name: msg("fr", "payments.paySelection"), exact: true }).click();
  await expect(page).toHaveURL(/\/sandbox\/pay\/cs_/, { timeout: 20_000 });
  await expect(page.getByTestId("sandbox-banner")).toBeVisible();
  await page.locator('input[name="number"]').fill(card);
  await page.locator('input[name="expiry"]').fill("12/30");
  await page.locator('input[name="cvc"]').fill("123");
  await page.locator('form:has(input[name="step"][value="card"]) button[type="submit"]').click();
}

test("[BIL-2] [BIL-3] two renewals, one for 3 years, paid by card through 3-D Secure: one invoice with both lines, its PDF shows number, VAT and total", async ({ page }) => {
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  const { orgId, products } = await dueProducts([
    { category: "domain", priceMinor: 1500 },
    { category: "hosting", priceMinor: 12000 },
  ]);
  const [domain, hosting] = products as [Due, Due];
  await selectAndPay(page, orgId, products, "4000 0000 0000 3220", { [domain.id]: "36" });
  await page.locator("#challenge-code").fill("123456");
  await page.locator('form:has(input[name="step"][value="challenge"]) button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/payments/`), { timeout: 20_000 });
  // CHF 3 × 15.00 + 120.00 = 165.00, + 8.1 % VAT (13.37) = 178.37
  await expect(page.getByTestId("payment-status")).toContainText("178.37");

  await page.getByRole("link", { name: /^Retour à la facture/ }).click();
  await expect(page.getByTestId("invoice-status")).toHaveText(msg("fr", "billing.statuses.PAID"));
  const lines = page.locator("tbody tr");
  await expect(lines).toHaveCount(2);
  await expect(lines.filter({ hasText: domain.name })).toContainText("36");
  await expect(lines.filter({ hasText: hosting.name })).toContainText("12");
  const number = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/INV-\d{4}-\d{6}/)![0];
  const download = page.waitForEvent("download");
  await page.getByTestId("invoice-pdf").click();
  const text = pdfText(await readFile((await (await download).path())!));
  expect(text).toContain(number);
  expect(text).toContain("TVA 8,1");
  expect(text).toContain("178.37");

  // Paid: each product's expiry moved by its line's period, from its previous expiry.
  const after = await state([domain.id, hosting.id]);
  const plusMonths = (d: Date, months: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  expect(after.expiry).toEqual({ [domain.id]: plusMonths(domain.expiresAt, 36).toISOString(), [hosting.id]: plusMonths(hosting.expiresAt, 12).toISOString() });
  expect(after.invoices).toEqual([{ status: "PAID", order: { status: "PAID" } }]);
});

test("[BIL-2] a declined card shows the reason and changes nothing: expiry unchanged, invoice unpaid", async ({ page }) => {
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  const { orgId, products } = await dueProducts([{ category: "domain", priceMinor: 1500 }]);
  await selectAndPay(page, orgId, products, "4000 0000 0000 0002");
  await expect(page).toHaveURL(new RegExp(`/${orgId}/payments/`), { timeout: 20_000 });
  await expect(page.getByTestId("payment-status")).toContainText(msg("fr", "billing.failures.DECLINED"));
  const after = await state([products[0]!.id]);
  expect(after.expiry).toEqual({ [products[0]!.id]: products[0]!.expiresAt.toISOString() });
  expect(after.invoices).toEqual([{ status: "UNPAID", order: { status: "PENDING" } }]);
});

test("[BIL-2] the ⋮ menu of a product leads to its auto-renewal setting; 'show all' lists the products due later", async ({ page }) => {
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  // Due in 3 days, and in 70 days: beyond the 2 months shown by default.
  const { orgId, products } = await dueProducts([
    { category: "domain", priceMinor: 1500 },
    { category: "domain", priceMinor: 1500, inDays: 70 },
  ]);
  await page.goto(`/${orgId}/payments`);
  await expect(page.getByRole("link", { name: msg("fr", "payments.manageRenewals") })).toHaveAttribute("href", `/${orgId}/payments/renewals`);
  await expect(row(page, products[1]!)).toHaveCount(0);
  await row(page, products[0]!).getByRole("button", { name: msg("fr", "payments.rowMenu", { name: products[0]!.name }) }).click();
  await page.getByRole("menuitem", { name: msg("fr", "payments.autoRenewOn") }).click();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/payments/renewals\\?product=${products[0]!.id}$`));
  await page.goto(`/${orgId}/payments`);
  await page.getByRole("link", { name: msg("fr", "payments.all") }).click();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/payments\\?all=1$`));
  await expect(row(page, products[1]!)).toHaveCount(1);
});

test("[PRT-5] a partner whose client pays orders a renewal without choosing how to pay it: no payment method, no renewal settings; the order waits unpaid for the client", async ({ page }) => {
  // The demo partner reads the console in German; Alpine Web gave it full access and pays itself.
  const de = (key: string, values: Record<string, string> = {}) => msg("de", key, values);
  await signIn(page, "partner@example.com", DEMO_PASSWORD);
  const { orgId, products } = await dueProducts([{ category: "domain", priceMinor: 1500 }]);
  const [domain] = products as [Due];
  await page.goto(`/${orgId}/dashboard`);
  // The navigation leads there, as for those who pay.
  await page.getByRole("navigation", { name: de("shell.mainNavigation") }).getByRole("link", { name: de("payments.title"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/payments$`));
  await expect(row(page, domain)).toHaveCount(1);
  await expect(page.getByRole("radio")).toHaveCount(0);
  await expect(page.getByRole("button", { name: de("payments.rowMenu", { name: domain.name }) })).toHaveCount(0);
  await expect(page.getByRole("link", { name: de("payments.manageRenewals") })).toHaveCount(0);
  await expect(page.getByText(de("payments.orderForClientHelp"))).toBeVisible();
  await row(page, domain).getByRole("checkbox", { name: de("payments.select", { name: domain.name }) }).check();
  await page.getByRole("button", { name: de("payments.orderSelection"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/payments\\?placed=1$`), { timeout: 20_000 });
  await expect(page.getByText(de("payments.placedForClient"))).toBeVisible();
  expect((await state([domain.id])).invoices).toEqual([{ status: "UNPAID", order: { status: "PENDING" } }]);
});

test("[BIL-5] a renewal ordered by IBAN shows its pro-forma on the order's page, and 'pay by card instead' replaces it by an invoice paid on the card path, the order number unchanged", async ({ page }) => {
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  const { orgId, products } = await dueProducts([{ category: "domain", priceMinor: 1500 }]);
  const [domain] = products as [Due];
  await page.goto(`/${orgId}/payments`);
  await row(page, domain).getByRole("checkbox", { name: msg("fr", "payments.select", { name: domain.name }) }).check();
  await page.getByRole("radio", { name: msg("fr", "payments.methodIban") }).check();
  await page.getByRole("button", { name: msg("fr", "payments.paySelection"), exact: true }).click();
  // The pro-forma's page, with its bank details and the way to the order.
  await expect(page.getByTestId("invoice-transfer")).toBeVisible({ timeout: 20_000 });
  const proforma = (await page.getByTestId("transfer-reference").textContent())!;
  expect(proforma).toMatch(/^PRO-\d{4}-\d{6}$/);
  await page.getByRole("link", { name: msg("fr", "billing.payOrderByCard") }).click();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/orders/[^/]+$`));
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!;
  await expect(page.getByTestId("order-proforma")).toHaveText(msg("fr", "orders.proformaLabel", { number: proforma }));
  await expect(page.getByTestId("order-proforma-pdf")).toHaveAttribute("href", /\/pdf$/);
  await expect(page.getByTestId("transfer-reference")).toHaveText(proforma);

  await page.getByRole("button", { name: msg("fr", "orders.switchButton") }).click();
  await expect(page.getByTestId("order-invoice")).toHaveText(/^INV-\d{4}-\d{6}$/, { timeout: 20_000 });
  const invoice = (await page.getByTestId("order-invoice").textContent())!;
  await expect(page.getByTestId("order-replaced-proforma")).toHaveText(msg("fr", "orders.replacedProforma", { proforma, invoice }));
  await expect(page.getByTestId("invoice-transfer")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await page.getByRole("radio", { name: msg("fr", "billing.methods.CARD") }).check();
  await page.getByRole("button", { name: msg("fr", "orders.pay"), exact: true }).click();
  await expect(page).toHaveURL(/\/sandbox\/pay\/cs_/, { timeout: 20_000 });
  const after = await state([domain.id]);
  expect(after.invoices.map((i) => `${i.status}/${i.order?.status}`).sort()).toEqual(["CANCELLED/PENDING", "UNPAID/PENDING"]);
});
