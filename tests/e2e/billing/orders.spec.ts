import { expect, test } from "@playwright/test";
import { createDb } from "@/lib/db";
import { createOrder } from "../../factories";
import { DEMO_PASSWORD, linkPath, msg, openMail, runtime, signIn } from "../support/helpers";

/** A fresh order of Alpine Web (CHF) placed by its owner, so each test acts on its own. */
async function alpineOrder(status: "PENDING" | "BLOCKED") {
  const db = createDb(runtime().databaseUrl);
  try {
    const org = await db.organization.findFirstOrThrow({ where: { name: "Alpine Web Sàrl" } });
    const owner = await db.user.findUniqueOrThrow({ where: { email: "owner@example.com" } });
    const order = await createOrder(db, { org, status, placedById: owner.id, lines: [{ description: "Domain e2e-order.ch", unitPriceMinor: 4500, periodMonths: 12 }] });
    return { orgId: org.id, order };
  } finally {
    await db.$disconnect();
  }
}

test("[BIL-4] a pending order is opened from the orders list and paid with a sandbox card", async ({ page }) => {
  const { orgId, order } = await alpineOrder("PENDING");
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  await page.goto(`/${orgId}/orders`);
  // Pending orders come first.
  await expect(page.getByTestId("order-row").first().getByTestId("order-status")).toHaveText(msg("fr", "orders.statuses.PENDING"));
  await page.getByRole("link", { name: order.number, exact: true }).click();
  await expect(page.getByRole("heading", { name: msg("fr", "orders.orderTitle", { number: order.number }) })).toBeVisible();
  await expect(page.getByTestId("order-invoice")).toHaveText(order.invoice.number);
  await page.getByRole("radio", { name: msg("fr", "billing.methods.CARD") }).check();
  await page.getByRole("button", { name: msg("fr", "orders.pay"), exact: true }).click();
  await expect(page).toHaveURL(/\/sandbox\/pay\/cs_/, { timeout: 20_000 });
  await page.locator('input[name="number"]').fill("4242 4242 4242 4242");
  await page.locator('input[name="expiry"]').fill("12/30");
  await page.locator('input[name="cvc"]').fill("123");
  await page.locator('form:has(input[name="step"][value="card"]) button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/payments/`), { timeout: 20_000 });
  // CHF 45.00 + 8.1 % VAT (3.65) = 48.65
  await expect(page.getByTestId("payment-status")).toContainText("48.65");
  await page.goto(`/${orgId}/orders/${order.id}`);
  await expect(page.getByTestId("order-status")).toHaveText(msg("fr", "orders.statuses.PAID"));
  await expect(page.getByRole("button", { name: msg("fr", "orders.pay"), exact: true })).toHaveCount(0);
});

test("[IDV-4] a blocked order shows a red banner in the console; \"resend the procedure\" mails the identity-check link to the login e-mail", async ({ page }) => {
  const { orgId, order } = await alpineOrder("BLOCKED");
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  await page.goto(`/${orgId}/dashboard`);
  const banner = page.getByTestId("blocked-order-banner").filter({ hasText: order.number });
  await expect(banner).toBeVisible();
  await banner.getByRole("button", { name: msg("fr", "orders.banner.resend") }).click();
  await expect(banner.getByRole("status")).toHaveText(msg("fr", "orders.banner.resent"));
  const body = await openMail(page, "owner@example.com", new RegExp(order.number));
  const response = await page.goto(linkPath(body, "/verify/"));
  expect(response?.status()).toBeLessThan(400);
  // The banner is on every console page of the Organization, and the order page says what happens next.
  await page.goto(`/${orgId}/orders/${order.id}`);
  await expect(page.getByTestId("blocked-order-banner").filter({ hasText: order.number })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText(msg("fr", "orders.statuses.BLOCKED"));
});

test("[IDV-4] paying an order with the card the operator flags as suspicious comes back to \"held for verification\", not \"received\"", async ({ page }) => {
  const { orgId, order } = await alpineOrder("PENDING");
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  await page.goto(`/${orgId}/orders/${order.id}`);
  await page.getByRole("radio", { name: msg("fr", "billing.methods.CARD") }).check();
  await page.getByRole("button", { name: msg("fr", "orders.pay"), exact: true }).click();
  await expect(page).toHaveURL(/\/sandbox\/pay\/cs_/, { timeout: 20_000 });
  await page.locator('input[name="number"]').fill("4000 0000 0000 9235");
  await page.locator('input[name="expiry"]').fill("12/30");
  await page.locator('input[name="cvc"]').fill("123");
  await page.locator('form:has(input[name="step"][value="card"]) button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/payments/`), { timeout: 20_000 });
  await expect(page.getByTestId("payment-status")).toContainText(order.number);
  // "… reçu. Merci." is the end of the plain "received" message only.
  await expect(page.getByTestId("payment-status")).not.toContainText(msg("fr", "billing.paymentSucceeded", { amount: "\u0000" }).split("\u0000")[1]!);
  await page.getByRole("link", { name: msg("fr", "billing.openHeldOrder", { order: order.number }) }).click();
  await expect(page.getByTestId("order-status")).toHaveText(msg("fr", "orders.statuses.BLOCKED"));
});
