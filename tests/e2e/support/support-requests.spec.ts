import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { SUB_PROCESSORS } from "@/lib/dpa/sub-processors";
import { pdfText } from "../../integration/support/pdf-text";
import { DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET, msg, signIn, signInWithTotp, sql } from "./helpers";

// The demo legal representative reads the console in French, the administrator in Italian, Anna in
// German; the demo staff in English.
const fr = (key: string, values: Record<string, string> = {}) => msg("fr", key, values);
const en = (key: string, values: Record<string, string> = {}) => msg("en", key, values);

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d3a1f20000000049454e44ae426082", "hex");

async function alpineId() {
  const [{ id }] = await sql<{ id: string }>(`SELECT id FROM "Organization" WHERE name = 'Alpine Web Sàrl'`);
  return id;
}

test("[SUP-4] [SUP-3] [SUP-2] a request with a screenshot and mail access: the assigned agent reads the mailbox, a second agent cannot, revoking ends it, the log shows the reads", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const subject = `Mails bounce ${randomUUID().slice(0, 8)}`;
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  // The person may have last used another of their Organizations: go to Alpine Web's.
  const orgId = await alpineId();
  await page.goto(`/${orgId}/dashboard`);
  await page.getByRole("navigation", { name: fr("shell.mainNavigation") }).getByRole("link", { name: fr("shell.support"), exact: true }).click();
  await expect(page.getByTestId("support-advice")).toContainText(fr("support.advice.title"));

  // A request about the mail product, with a screenshot.
  const form = page.getByTestId("support-request-form");
  await form.getByLabel(fr("support.form.subject")).fill(subject);
  await form.getByLabel(fr("support.form.product")).selectOption({ label: "Mail alpine-web.ch" });
  await form.getByLabel(fr("support.form.description")).fill("Messages to contact@alpine-web.ch bounce since this morning.");
  await form.getByLabel(fr("support.form.screenshots")).setInputFiles({ name: "bounce.png", mimeType: "image/png", buffer: PNG });
  await form.getByRole("button", { name: fr("support.form.submit") }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  const requestUrl = page.url();
  const shot = page.getByTestId("support-screenshot").first();
  const shotResponse = await page.request.get((await shot.getAttribute("href"))!);
  expect(shotResponse.status()).toBe(200);
  expect(shotResponse.headers()["content-type"]).toBe("image/png");

  // The shortcut to the support-access page; mail content is allowed.
  await page.getByRole("link", { name: fr("support.grantAccess") }).click();
  const alpine = page.getByTestId("support-access-org").filter({ hasText: "Alpine Web" });
  const mail = alpine.getByRole("switch", { name: fr("supportAccess.scope.MAIL") });
  if ((await mail.getAttribute("aria-checked")) !== "true") await mail.click();
  await expect(mail).toHaveAttribute("aria-checked", "true");

  // The demo agent takes the request and reads the mailbox in the back office.
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signInWithTotp(agent, "support@example.com", DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET);
  await agent.goto("/backoffice/support");
  await agent.getByRole("link", { name: subject }).click();
  await agent.getByRole("button", { name: en("backofficeSupport.forms.take") }).click();
  const granted = agent.getByTestId("granted-content");
  // The billing mailbox: the support-access test, which may run meanwhile, shares one e-mail of the
  // contact mailbox on its own, and that grant would rightly keep the contact mailbox readable.
  await granted.getByRole("link", { name: "billing@alpine-web.ch" }).click();
  await agent.getByRole("link", { name: "Invoice 2026-0042" }).first().click();
  await expect(agent.getByTestId("mail-message")).toContainText("Invoice 2026-0042");
  const mailboxUrl = new URL(agent.url()).pathname;

  // The agent replies; the customer sees it.
  await agent.goto(`/backoffice/support/${requestUrl.split("/").pop()}`);
  await agent.getByLabel(en("backofficeSupport.forms.reply")).fill("We are looking at the bounces.");
  await agent.getByRole("button", { name: en("backofficeSupport.forms.sendReply") }).click();
  await expect(agent.getByRole("status").filter({ hasText: en("backofficeSupport.forms.replySent") })).toBeVisible();
  await page.goto(requestUrl);
  await expect(page.getByTestId("support-conversation")).toContainText("We are looking at the bounces.");

  // A second member of staff, not handling the request, gets the 404 page for the same mailbox.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInWithTotp(other, "supervisor@example.com", DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET);
  expect((await other.goto(mailboxUrl))?.status()).toBe(404);

  // The customer revokes mail access: the agent's next read is refused.
  await page.goto("/account/support-access");
  await mail.click();
  await expect(mail).toHaveAttribute("aria-checked", "false");
  expect((await agent.goto(mailboxUrl))?.status()).toBe(404);

  // The customer's activity log names the agent and what they read.
  await page.goto(`/${orgId}/activity`);
  const read = page.getByRole("row").filter({ hasText: fr("activity.actions.support.mailRead") }).first();
  await expect(read).toContainText("Sam Support");
  await expect(page.getByRole("row").filter({ hasText: fr("activity.actions.support.mailboxRead") }).first()).toContainText("Sam Support");
  await agentContext.close();
  await otherContext.close();
});

test("[GDP-1] an administrator downloads the personalised DPA; a user has no such option and is refused", async ({ page }) => {
  test.setTimeout(120_000);
  const orgId = await alpineId();
  await signIn(page, "admin@example.com", DEMO_PASSWORD);
  await page.goto(`/${orgId}/organization`);
  const it = (key: string) => msg("it", key);
  const section = page.getByTestId("dpa-section");
  await expect(section).toContainText(it("dpa.heading"));
  const [download] = await Promise.all([page.waitForEvent("download"), section.getByRole("link", { name: it("dpa.generate") }).click()]);
  expect(download.suggestedFilename()).toMatch(/^dpa-alpine-web-sarl-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = pdfText(await readFile((await download.path())!));
  for (const expected of [it("dpa.pdf.title"), "Alpine Web Sàrl", "Marco Rossi", "admin@example.com", it("dpa.pdf.lawTitle"), "2016/679", ...SUB_PROCESSORS.map((s) => s.name)]) {
    expect(text).toContain(expected);
  }

  // Anna (a user) sees no DPA on the page, and the download itself is refused.
  const anna = await page.context().browser()!.newContext();
  const annaPage = await anna.newPage();
  await signIn(annaPage, "anna@example.com", DEMO_PASSWORD);
  await annaPage.goto(`/${orgId}/organization`);
  await expect(annaPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(annaPage.getByTestId("dpa-section")).toHaveCount(0);
  expect((await annaPage.request.get(`/${orgId}/organization/dpa`)).status()).toBe(403);
  await anna.close();
});
