import { expect, test, type Page } from "@playwright/test";
import { createDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { createInvoice, createOrganization, createUser, DEFAULT_PASSWORD } from "../../factories";
import { msg, runtime, signIn } from "../support/helpers";

const chf = (minor: number) => formatMoney(minor, "CHF", "en");

/**
 * An Organization of its own (CHF) with an unpaid invoice and a prepaid balance of `balance(total)`, so no
 * other test's spending changes what this one sees; its legal representative reads the console in English.
 */
async function prepaidWorld(balance: (totalMinor: number) => number) {
  const db = createDb(runtime().databaseUrl);
  try {
    const user = await createUser(db);
    const org = await createOrganization(db, { legalRepresentativeId: user.id, country: "CH" });
    const invoice = await createInvoice(db, { org, status: "UNPAID", lines: [{ description: "Web hosting e2e.ch", unitPriceMinor: 12_000, periodMonths: 12 }] });
    const balanceMinor = balance(invoice.totalMinor);
    if (balanceMinor) await db.prepaidEntry.create({ data: { orgId: org.id, kind: "TOPUP", amountMinor: balanceMinor, currency: "CHF" } });
    return { email: user.email, orgId: org.id, invoice, balanceMinor };
  } finally {
    await db.$disconnect();
  }
}

async function signInTo(page: Page, email: string, orgId: string, path: string) {
  await signIn(page, email, DEFAULT_PASSWORD);
  await page.goto(`/${orgId}/${path}`);
}

test("[BIL-5] an invoice paid half from the prepaid account and half with Twint through the sandbox is paid; the account's history shows the payment", async ({ page }) => {
  const w = await prepaidWorld((total) => Math.floor(total / 2));
  const rest = w.invoice.totalMinor - w.balanceMinor;
  await signInTo(page, w.email, w.orgId, `invoices/${w.invoice.id}`);
  const prepaid = page.getByTestId("invoice-prepaid");
  await expect(prepaid).toContainText(chf(w.balanceMinor));
  await prepaid.getByRole("button", { name: msg("en", "prepaid.payFromPrepaid", { amount: chf(w.balanceMinor) }) }).click();
  // The balance paid its part: what remains is shown, and the pay form charges only that.
  await expect(page.getByTestId("invoice-remaining")).toHaveText(chf(rest));
  await expect(page.getByTestId("invoice-prepaid")).toHaveCount(0);
  await expect(page.getByTestId("invoice-status")).toHaveText(msg("en", "billing.statuses.UNPAID"));
  await page.getByRole("radio", { name: msg("en", "billing.methods.TWINT") }).check();
  await page.getByRole("button", { name: msg("en", "billing.pay"), exact: true }).click();
  await expect(page).toHaveURL(/\/sandbox\/pay\/cs_/, { timeout: 20_000 });
  await expect(page.getByTestId("sandbox-banner")).toBeVisible();
  await page.locator('button[name="step"][value="approve"]').click();
  await expect(page).toHaveURL(new RegExp(`/${w.orgId}/payments/`), { timeout: 20_000 });
  await expect(page.getByTestId("payment-status")).toContainText(chf(rest));
  await page.goto(`/${w.orgId}/invoices/${w.invoice.id}`);
  await expect(page.getByTestId("invoice-status")).toHaveText(msg("en", "billing.statuses.PAID"));
  // The prepaid account: empty now, its history names the invoice the balance paid.
  await page.goto(`/${w.orgId}/payments/prepaid`);
  await expect(page.getByTestId("prepaid-balance")).toHaveText(chf(0));
  const history = page.getByTestId("prepaid-history");
  const spend = history.getByRole("row").filter({ hasText: msg("en", "prepaid.kinds.SPEND") });
  await expect(spend.getByRole("link", { name: msg("en", "billing.invoiceTitle", { number: w.invoice.number }) })).toBeVisible();
  await expect(spend).toContainText(chf(-w.balanceMinor));
});

test("[BIL-6] a top-up below the minimum is refused on its field; a card top-up through the sandbox credits the balance once", async ({ page }) => {
  const w = await prepaidWorld(() => 0);
  await signInTo(page, w.email, w.orgId, "payments/prepaid");
  await expect(page.getByTestId("prepaid-balance")).toHaveText(chf(0));
  const amount = page.getByLabel(msg("en", "prepaid.amount", { currency: "CHF" }));
  await amount.fill("0.05");
  await page.getByRole("button", { name: msg("en", "prepaid.topUp"), exact: true }).click();
  await expect(page.locator("#top-up-amount-error")).toHaveText(msg("en", "prepaid.errors.topUpRange"));
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await amount.fill("40.50");
  await page.getByRole("radio", { name: msg("en", "billing.methods.CARD") }).check();
  await page.getByRole("button", { name: msg("en", "prepaid.topUp"), exact: true }).click();
  await expect(page).toHaveURL(/\/sandbox\/pay\/cs_/, { timeout: 20_000 });
  await page.locator('input[name="number"]').fill("4242 4242 4242 4242");
  await page.locator('input[name="expiry"]').fill("12/30");
  await page.locator('input[name="cvc"]').fill("123");
  await page.locator('form:has(input[name="step"][value="card"]) button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`/${w.orgId}/payments/`), { timeout: 20_000 });
  await expect(page.getByTestId("payment-status")).toContainText(chf(4_050));
  // Coming back to the status page again changes nothing: the notification credited the balance once.
  await page.reload();
  await page.getByRole("link", { name: msg("en", "prepaid.backToAccount") }).click();
  await expect(page.getByTestId("prepaid-balance")).toHaveText(chf(4_050));
  await expect(page.getByTestId("prepaid-history").getByRole("row").filter({ hasText: msg("en", "prepaid.kinds.TOPUP") })).toHaveCount(1);
});
