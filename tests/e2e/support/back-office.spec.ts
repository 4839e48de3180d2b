import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET, msg, openMail, signInWithTotp, signUp, sql, uniqueEmail } from "./helpers";

// A new account reads the console in English, as the demo staff do.
const en = (key: string, values: Record<string, string> = {}) => msg("en", key, values);
const id = () => `e2e${randomBytes(10).toString("hex")}`;

/**
 * A new person with an Organization of their own, so what support may read there is only what this test
 * grants (grants of the demo Organizations are changed by other tests meanwhile).
 */
async function newCustomer(page: Page, prefix: string) {
  const email = uniqueEmail(prefix);
  await signUp(page, { email, password: "a long enough password", firstName: "Cora", lastName: "Customer" });
  return { email, orgId: new URL(page.url()).pathname.split("/")[1] };
}

/** A mail product of `orgId` with one mailbox holding one message. */
async function mailProduct(orgId: string, name: string, address: string, subject: string) {
  const productId = id();
  const mailboxId = id();
  await sql(
    `INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency)
     SELECT $1, $2, c.id, $3, 'Cora Customer', now() + interval '1 year', 6000, 'CHF' FROM "ProductCategory" c WHERE c.code = 'mail'`,
    [productId, orgId, name],
  );
  await sql(`INSERT INTO "Mailbox" (id, "productId", address, "displayName") VALUES ($1, $2, $3, $3)`, [mailboxId, productId, address]);
  await sql(
    `INSERT INTO "MailMessage" (id, "mailboxId", "fromAddress", "fromName", "toAddress", subject, body, "receivedAt") VALUES ($1, $2, 'someone@example.com', 'Someone', $3, $4, 'Hello.', now())`,
    [id(), mailboxId, address, subject],
  );
  return { productId, mailboxId };
}

/** Opens a support request from the console's support page; answers the request's id. */
async function openRequest(page: Page, orgId: string, subject: string, product?: string) {
  await page.goto(`/${orgId}/support`);
  const form = page.getByTestId("support-request-form");
  await form.getByLabel(en("support.form.subject")).fill(subject);
  if (product) await form.getByLabel(en("support.form.product")).selectOption({ label: product });
  await form.getByLabel(en("support.form.description")).fill("Something does not work as expected since this morning.");
  await form.getByRole("button", { name: en("support.form.submit") }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** The demo support agent, signed in with their second factor, takes the request. */
async function agentTakes(browser: Browser, requestId: string) {
  const context = await browser.newContext();
  const agent = await context.newPage();
  await signInWithTotp(agent, "support@example.com", DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET);
  await agent.goto(`/backoffice/support/${requestId}`);
  await agent.getByRole("button", { name: en("backofficeSupport.forms.take") }).click();
  await expect(agent.getByTestId("staff-request-meta")).toContainText(en("backofficeSupport.handledBy", { name: "Sam Support" }));
  return { context, agent };
}

test("[SUP-1] [SUP-3] support access limited to one mail product: the page shows the product, the assigned agent reads only that product's mailboxes", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const key = randomBytes(3).toString("hex");
  const { orgId } = await newCustomer(page, "one-product");
  const shop = await mailProduct(orgId, `Mail shop-${key}.example`, `orders@shop-${key}.example`, "Order 1001 bounced");
  const home = await mailProduct(orgId, `Mail home-${key}.example`, `me@home-${key}.example`, "Private matters");
  const requestId = await openRequest(page, orgId, `Orders bounce ${key}`, `Mail shop-${key}.example`);

  // The support-access page: mail access limited to the shop's mail product with the product picker.
  await page.getByRole("link", { name: en("support.grantAccess") }).click();
  await expect(page).toHaveURL(/\/account\/support-access$/);
  const section = page.getByTestId("support-access-org");
  await expect(section).toHaveCount(1);
  const mailLabel = en("supportAccess.scope.MAIL");
  await section.getByText(en("supportAccess.limitSummary", { content: mailLabel })).click();
  const picker = section.getByTestId("product-picker");
  // Only mail products are offered.
  const results = picker.getByRole("list", { name: en("productPicker.results") });
  await expect(results.getByRole("checkbox")).toHaveCount(2);
  await results.getByRole("checkbox", { name: `Mail shop-${key}.example` }).check();
  await expect(picker.getByRole("button", { name: `Remove Mail shop-${key}.example` })).toBeVisible();
  const mail = section.getByRole("switch", { name: mailLabel });
  await mail.click();
  await expect(mail).toHaveAttribute("aria-checked", "true");
  await expect(section.getByTestId("support-products-MAIL")).toHaveText(en("supportAccess.limitedTo", { products: `Mail shop-${key}.example` }));
  const granted = await sql<{ productId: string }>(
    `SELECT p."productId" FROM "SupportGrantProduct" p JOIN "SupportGrant" g ON g.id = p."grantId" WHERE g."orgId" = $1 AND g.scope = 'MAIL' AND g."revokedAt" IS NULL`,
    [orgId],
  );
  expect(granted).toEqual([{ productId: shop.productId }]);

  // The agent handling the request sees the shop's mailbox only; the other product's mailbox is a 404.
  const { context, agent } = await agentTakes(browser, requestId);
  const content = agent.getByTestId("granted-content");
  await expect(content.getByRole("link", { name: `orders@shop-${key}.example` })).toBeVisible();
  await expect(content.getByRole("link", { name: `me@home-${key}.example` })).toHaveCount(0);
  await content.getByRole("link", { name: `orders@shop-${key}.example` }).click();
  await expect(agent.getByRole("link", { name: "Order 1001 bounced" })).toBeVisible();
  expect((await agent.goto(`/backoffice/support/${requestId}/mail/${home.mailboxId}`))?.status()).toBe(404);
  expect((await agent.goto(`/backoffice/support/${requestId}/mail/${shop.mailboxId}`))?.status()).toBe(200);
  await context.close();
});

test("[SUP-4] staff close a request with a reason: the customer sees it closed, is e-mailed, can no longer reply, and the queue no longer lists it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const subject = `Cannot log in ${randomBytes(3).toString("hex")}`;
  const { email, orgId } = await newCustomer(page, "closed-request");
  const requestId = await openRequest(page, orgId, subject);
  await expect(page.getByRole("heading", { name: en("support.replyTitle") })).toBeVisible();

  const { context, agent } = await agentTakes(browser, requestId);
  await agent.goto("/backoffice/support");
  await expect(agent.getByRole("link", { name: subject })).toBeVisible();
  await agent.goto(`/backoffice/support/${requestId}`);
  const close = agent.getByTestId("staff-close-form");
  await close.getByLabel(en("backofficeSupport.forms.closeReason")).fill("Solved by resetting the password.");
  await close.getByRole("button", { name: en("backofficeSupport.forms.close") }).click();
  await expect(agent.getByTestId("staff-close-form")).toHaveCount(0);
  await expect(agent.getByTestId("staff-request-meta")).toContainText(en("backofficeSupport.statuses.CLOSED"));

  // The queue of open requests no longer lists it.
  await agent.goto("/backoffice/support");
  await expect(agent.getByRole("heading", { level: 1, name: en("backofficeSupport.queueTitle") })).toBeVisible();
  await expect(agent.getByRole("link", { name: subject })).toHaveCount(0);

  // The customer: closed, with the reason, no reply form nor close button; and the e-mail.
  await page.goto(`/${orgId}/support/${requestId}`);
  await expect(page.getByTestId("support-request-status")).toContainText(en("support.statuses.CLOSED"));
  await expect(page.getByText(en("support.closedByStaff", { reason: "Solved by resetting the password." }))).toBeVisible();
  await expect(page.getByRole("heading", { name: en("support.replyTitle") })).toHaveCount(0);
  await expect(page.getByRole("button", { name: en("support.form.sendReply") })).toHaveCount(0);
  await expect(page.getByRole("button", { name: en("support.form.close") })).toHaveCount(0);
  const body = await openMail(page, email, /support closed your request/);
  expect(body).toContain("Solved by resetting the password.");
  await context.close();
});
