import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, linkPath, msg, openMail, signIn, uniqueEmail } from "../support/helpers";

// The visitor reads English (the browser's language); the demo partner reads the console in German.
const en = (key: string, values?: Record<string, string>) => msg("en", key, values);
const de = (key: string) => msg("de", key);

test("[TND-1] [TND-2] [TND-3] [TND-4] a visitor submits a call for tenders, an opted-in partner answers it, the visitor cancels it from the e-mail and it is gone", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const visitorContext = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-US" });
  const visitor = await visitorContext.newPage();
  const email = uniqueEmail("tender");
  const title = `Booking site for a ski school ${Date.now().toString(36)}`;

  // TND-1: the public form, as a visitor without an account.
  await visitor.goto("/tenders/new");
  await expect(visitor.getByRole("heading", { level: 1, name: en("tenders.newTitle") })).toBeVisible();
  await visitor.getByLabel(en("tenders.title"), { exact: true }).fill(title);
  await visitor.getByLabel(en("tenders.description"), { exact: true }).fill("Our ski school needs a website where families book lessons and pay online, in four languages.");
  await visitor.getByLabel(en("tenders.budget"), { exact: true }).fill("CHF 10000");
  await visitor.getByLabel(en("tenders.contactName"), { exact: true }).fill("Lea Visitor");
  await visitor.getByLabel(en("tenders.contactEmail"), { exact: true }).fill(email);
  await visitor.getByLabel(en("tenders.contactPhone"), { exact: true }).fill("+41 27 555 44 33");
  await visitor.getByRole("button", { name: en("tenders.submit") }).click();
  await expect(visitor.getByRole("heading", { name: en("tenders.sentTitle") })).toBeVisible({ timeout: 20_000 });
  const submitted = await openMail(visitor, email, /Your call for tenders/);

  // TND-2: the partner sees the full call, with the contact details, in the reseller area.
  await signIn(page, "partner@example.com", DEMO_PASSWORD);
  await page.goto("/reseller");
  await page.getByRole("link", { name: de("tenders.resellerLink") }).click();
  await expect(page.getByRole("heading", { level: 1, name: de("tenders.listTitle") })).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const callUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("tender-contact")).toContainText(email);
  await expect(page.getByTestId("tender-contact")).toContainText("Lea Visitor");

  // TND-3: the partner answers; the visitor receives the proposal and sees it from the link.
  await page.getByLabel(de("tenders.message"), { exact: true }).fill("We build booking sites for ski schools, in four languages, with online payment.");
  await page.getByLabel(de("tenders.priceOptional"), { exact: true }).fill("9500");
  await page.getByRole("button", { name: de("tenders.send") }).click();
  await expect(page.getByText(de("tenders.proposalSent"))).toBeVisible({ timeout: 20_000 });
  const proposal = await openMail(visitor, email, /answered your call for tenders/);
  expect(proposal).toContain("We build booking sites for ski schools");
  await visitor.goto(linkPath(submitted, "/tenders/view/"));
  await expect(visitor.getByTestId("proposal")).toHaveCount(1);
  await expect(visitor.getByTestId("proposal")).toContainText("Helvetic Partners AG");
  await expect(visitor.getByTestId("proposal")).toContainText("We build booking sites for ski schools");

  // TND-4: the cancel link asks first; confirming cancels at once.
  const cancelPath = linkPath(submitted, "/tenders/cancel/");
  await visitor.goto(cancelPath);
  await expect(visitor.getByRole("heading", { name: en("tenders.cancelTitle") })).toBeVisible();
  await visitor.getByRole("button", { name: en("tenders.cancelConfirm") }).click();
  await expect(visitor.getByRole("heading", { name: en("tenders.cancelledTitle") })).toBeVisible({ timeout: 20_000 });
  await expect(visitor.getByText(en("tenders.cancelled", { title }))).toBeVisible();
  // Single use: the link now only says it is spent.
  await visitor.goto(cancelPath);
  await expect(visitor.getByText(en("tenders.errors.cancelLinkInvalid"))).toBeVisible();
  await expect(visitor.getByRole("button", { name: en("tenders.cancelConfirm") })).toHaveCount(0);

  // Gone from the partner's view: not listed, and its page is a 404.
  await page.goto("/reseller/tenders");
  await expect(page.getByRole("heading", { level: 1, name: de("tenders.listTitle") })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  expect((await page.goto(callUrl))?.status()).toBe(404);
  await visitorContext.close();
});

test("[TND-1] the submission form works without JavaScript, with its field errors", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-US", javaScriptEnabled: false });
  const visitor = await context.newPage();
  await visitor.goto("/tenders/new");
  await visitor.getByLabel(en("tenders.title"), { exact: true }).fill("Hi");
  await visitor.getByRole("button", { name: en("tenders.submit") }).click();
  await expect(visitor.getByText(en("tenders.errors.titleTooShort"))).toBeVisible({ timeout: 20_000 });

  const email = uniqueEmail("nojs-tender");
  await visitor.getByLabel(en("tenders.title"), { exact: true }).fill("Hosting for a small clinic");
  await visitor.getByLabel(en("tenders.description"), { exact: true }).fill("A small clinic needs secure e-mail and a simple website, hosted in Switzerland.");
  await visitor.getByLabel(en("tenders.contactName"), { exact: true }).fill("Noa Script");
  await visitor.getByLabel(en("tenders.contactEmail"), { exact: true }).fill(email);
  await visitor.getByRole("button", { name: en("tenders.submit") }).click();
  await expect(visitor.getByRole("heading", { name: en("tenders.sentTitle") })).toBeVisible({ timeout: 20_000 });
  await context.close();
});
