import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET, msg, openMail, signIn, signInWithTotp, signOut, signUp, sql, uniqueEmail } from "../support/helpers";

const en = (key: string, values: Record<string, string> = {}) => msg("en", key, values);
const de = (key: string, values: Record<string, string> = {}) => msg("de", key, values);

test("[PRT-1] a company applies to the partner programme, a supervisor approves it in the back office, the applicant is e-mailed and is a partner", async ({ page }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("applicant");
  await signUp(page, { email, password: DEMO_PASSWORD, firstName: "Petra", lastName: "Brunner" });
  const org = new URL(page.url()).pathname.split("/")[1];
  const company = `Brunner Web ${Date.now().toString(36)}`;
  // The sign-up made an individual's Organization; this one is a registered company.
  await sql(`UPDATE "Organization" SET "entityType" = 'COMPANY', "name" = $1, "country" = 'CH', "currency" = 'CHF' WHERE "id" = $2`, [company, org]);

  await page.getByRole("navigation", { name: en("shell.mainNavigation") }).getByRole("link", { name: en("shell.partnerProgramme") }).click();
  await expect(page.getByRole("heading", { level: 1, name: en("partnerProgramme.title") })).toBeVisible();
  await expect(page.getByText(en("partnerProgramme.requirements.volume"))).toBeVisible();
  await expect(page.getByText(en("partnerProgramme.benefits.cashback"))).toBeVisible();
  await page.getByLabel(en("partnerProgramme.tradeRegisterNumber"), { exact: true }).fill("CHE-116.281.711");
  await page.getByLabel(en("partnerProgramme.website"), { exact: true }).fill("brunner-web.example");
  await page.getByLabel(en("partnerProgramme.yearlyVolume", { currency: "CHF" })).fill("1500");
  await page.getByRole("button", { name: en("partnerProgramme.apply") }).click();
  // A wrong check digit, a volume under the minimum and unticked commitments are each named at their field.
  await expect(page.getByText(en("partnerProgramme.errors.registerCH"))).toBeVisible();
  await expect(page.getByText(en("partnerProgramme.errors.commitmentRequired")).first()).toBeVisible();
  await page.getByLabel(en("partnerProgramme.tradeRegisterNumber"), { exact: true }).fill("CHE-116.281.710");
  await page.getByLabel(en("partnerProgramme.yearlyVolume", { currency: "CHF" })).fill("2500");
  for (const c of ["supportsClients", "invoicesClients", "tendersExclusive", "resellerTerms"]) await page.getByLabel(en(`partnerProgramme.commitment.${c}`)).check();
  await page.getByRole("button", { name: en("partnerProgramme.apply") }).click();
  // The page now shows the application under review.
  await expect(page.getByText(en("partnerProgramme.pending").split("{date}")[1].trim())).toBeVisible();
  await signOut(page);

  await signInWithTotp(page, "supervisor@example.com", DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET);
  await page.goto("/backoffice");
  await page.getByRole("link", { name: en("backofficePartners.openList") }).click();
  await page.getByRole("link", { name: company }).click();
  await expect(page.getByText("CHE-116.281.710")).toBeVisible();
  await page.getByRole("button", { name: en("backofficePartners.approve") }).click();
  // The page now shows the decision in place of the form.
  await expect(page.getByRole("definition").filter({ hasText: en("backofficePartners.statuses.APPROVED") })).toBeVisible();
  await expect(page.getByRole("button", { name: en("backofficePartners.approve") })).toHaveCount(0);

  const mail = await openMail(page, email, /welcome to the partner programme/);
  expect(mail).toContain(company);
  expect(mail).toContain("/reseller");
  await signOut(page);
  await signIn(page, email, DEMO_PASSWORD);
  await page.goto(`/${org}/partner-programme`);
  await expect(page.getByText(en("partnerProgramme.isPartner"))).toBeVisible();
  await page.goto("/reseller");
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(company) })).toBeVisible();
});

test("[PRT-1] the public partner directory finds an opted-in partner by name, region and speciality, without signing in", async ({ page }) => {
  await page.goto("/partners-directory");
  await expect(page.getByRole("heading", { level: 1, name: en("partnersDirectory.title") })).toBeVisible();
  await page.getByLabel(en("partnersDirectory.name"), { exact: true }).fill("helvetic");
  await page.getByLabel(en("partnersDirectory.region"), { exact: true }).selectOption({ label: en("partnersDirectory.regions.CH_GERMAN") });
  await page.getByLabel(en("partnersDirectory.speciality"), { exact: true }).selectOption({ label: en("partnersDirectory.specialities.wordpress") });
  await page.getByRole("button", { name: en("partnersDirectory.apply") }).click();
  await expect(page).toHaveURL(/q=helvetic/);
  const found = page.getByTestId("directory-partner");
  await expect(found).toHaveCount(1);
  await expect(found).toContainText("Helvetic Partners AG");
  await expect(found).toContainText(en("partnersDirectory.specialities.ecommerce"));
  await page.getByLabel(en("partnersDirectory.speciality"), { exact: true }).selectOption({ label: en("partnersDirectory.specialities.cloud") });
  await page.getByRole("button", { name: en("partnersDirectory.apply") }).click();
  await expect(page.getByTestId("directory-partner")).toHaveCount(0);
  await expect(page.getByText(en("partnersDirectory.empty"))).toBeVisible();
});

test("[PRT-8] [PRT-5] the partner ticks two clients, the bar at the bottom downloads their billing data as CSV: the client it pays for is in it, the one that pays itself is not", async ({ page }) => {
  await signIn(page, "partner@example.com", DEMO_PASSWORD);
  await page.goto("/reseller");
  await expect(page.getByTestId("selection-bar")).toHaveCount(0);
  // Alpine Web pays its own bills (its invoices are only its own); Helvetic pays Bergblick's.
  await page.getByRole("checkbox", { name: de("resellerDownload.tick", { client: "Alpine Web Sàrl" }) }).check();
  await page.getByRole("checkbox", { name: de("resellerDownload.tick", { client: "Bergblick Hotel AG" }) }).check();
  const bar = page.getByTestId("selection-bar");
  await expect(bar).toBeVisible();
  await expect(bar).toContainText("2");
  await page.getByLabel(de("resellerDownload.history"), { exact: true }).selectOption({ label: de("resellerDownload.histories.invoices") });
  await page.getByLabel(de("resellerDownload.from"), { exact: true }).fill("2020-01-01");
  const [download] = await Promise.all([page.waitForEvent("download"), bar.getByRole("button", { name: de("resellerDownload.downloadTicked") }).click()]);
  expect(download.suggestedFilename()).toMatch(/^billing-invoices-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const [header, ...rows] = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(header).toContain(`"${de("resellerDownload.columns.client")}"`);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r.startsWith('"Bergblick Hotel AG"'))).toBe(true);
  expect(csv).toContain("bergblick-hotel.ch");
  expect(csv).not.toContain("Alpine Web");
  expect(csv).not.toContain("Jean Martin");
});
