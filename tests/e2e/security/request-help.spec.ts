import { devices, expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import QRCode from "qrcode";
import { DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET, openAccountMenu, signIn, signInWithTotp, signOut, signUp, sql, uniqueEmail } from "../support/helpers";

const PASSWORD = "a long enough password";
// The mobile number on the account (its profile), where the identity check's code goes.
const PHONE = `+4179${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;

/** The link to `…marker…` in the newest mail for `to` whose subject matches, read in the development mailbox. */
async function mailedLink(page: Page, to: string, subject: RegExp, marker: string): Promise<string> {
  await expect(async () => {
    await page.goto(`/mailbox?to=${encodeURIComponent(to)}`);
    await expect(page.getByRole("link", { name: subject })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: subject }).first().click();
  const text = (await page.locator("article pre").textContent()) ?? "";
  const link = text.match(new RegExp(`https?://\\S+${marker}[A-Za-z0-9_-]+`))?.[0];
  expect(link).toBeTruthy();
  return link!;
}

async function enrolTotp(page: Page): Promise<void> {
  await openAccountMenu(page);
  await page.getByRole("link", { name: "Security", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("6-digit code shown by the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByText("The authenticator app is active.")).toBeVisible();
  await expect(page.getByTestId("two-factor-status")).toHaveText(/is on/);
}

test("[2FA-3] [IDV-1] [IDV-2] [IDV-3] [SEC-3] a user without their second factor requests help, proves their identity on a phone, staff approve, and the password alone signs in again", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("idv");
  await signUp(page, { email, password: PASSWORD, firstName: "Ida", lastName: "Verify" });
  await sql(`UPDATE "User" SET phone = $1 WHERE email = $2`, [PHONE, email]);
  await enrolTotp(page);
  await signOut(page);

  // 2FA-3: password step, then "request help" as the last alternative at the second step.
  const other = page.getByRole("button", { name: /other credentials/i });
  if (await other.isVisible().catch(() => false)) await other.click();
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
  await page.getByRole("link", { name: "Request help (identity verification)" }).click();
  await expect(page.getByRole("heading", { name: "Request help" })).toBeVisible();
  await page.getByRole("button", { name: "Start the identity verification" }).click();
  await expect(page.getByText(`We have sent the link to ${email}.`)).toBeVisible();
  // SEC-3: the password-only session never sees the link; it went to the login e-mail.
  await expect(page.getByTestId("help-requested")).toContainText(`+41 ••• •• ${PHONE.slice(-2)}`);
  expect(await page.content()).not.toContain("/verify/");

  // IDV-2 on a phone, without any session: the link from the e-mail is enough.
  const phoneContext = await browser.newContext({ ...devices["Pixel 7"], locale: "en-GB" });
  const phonePage = await phoneContext.newPage();
  const link = await mailedLink(phonePage, email, /identity verification link/, "/verify/");
  expect(link).toMatch(/\/verify\/[A-Za-z0-9_-]{40,}$/);
  await phonePage.goto(link);
  await expect(phonePage.getByRole("heading", { name: "Identity verification" })).toBeVisible();
  await expect(phonePage.getByTestId("case-step")).toHaveText("Step 1 of 3");
  // SEC-3: the code goes to the number already on the account; the page offers no way to type another.
  await expect(phonePage.getByTestId("case-phone")).toContainText(`+41 ••• •• ${PHONE.slice(-2)}`);
  await expect(phonePage.getByRole("textbox")).toHaveCount(0);
  await phonePage.getByRole("button", { name: "Send the code" }).click();
  await expect(phonePage.getByLabel("6-digit code")).toBeVisible();
  const [sms] = await sql<{ body: string }>(`SELECT body FROM sandbox.sms WHERE to_number = $1 ORDER BY accepted_at DESC LIMIT 1`, [PHONE]);
  const code = sms.body.match(/\b\d{6}\b/)![0];
  await phonePage.getByLabel("6-digit code").fill(code);
  await phonePage.getByRole("button", { name: "Confirm" }).click();
  await expect(phonePage.getByTestId("case-step")).toHaveText("Step 2 of 3");

  await phonePage.getByLabel("Passport").check();
  await phonePage.getByRole("button", { name: "Continue" }).click();
  // A text file named like a photo is refused by its content.
  await phonePage.getByLabel("Passport photo page").setInputFiles({ name: "passport.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a photo at all") });
  await phonePage.getByLabel("Selfie holding the document").setInputFiles({ name: "selfie.png", mimeType: "image/png", buffer: await QRCode.toBuffer("selfie") });
  await phonePage.getByRole("button", { name: "Send for review" }).click();
  await expect(phonePage.getByText("This file is not a JPEG, PNG or WebP image.")).toBeVisible();
  await phonePage.getByLabel("Passport photo page").setInputFiles({ name: "passport.png", mimeType: "image/png", buffer: await QRCode.toBuffer("passport page") });
  await phonePage.getByRole("button", { name: "Send for review" }).click();
  await expect(phonePage.getByText("Your request is under review.")).toBeVisible();

  // Back office: the case, its photos (staff only, never cached), and the approval.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  // SEC-3: staff sign in with their second factor.
  await signInWithTotp(staff, "supervisor@example.com", DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET);
  await staff.goto("/backoffice");
  await staff.getByRole("link", { name: "Identity verifications" }).click();
  await expect(staff).toHaveURL(/\/backoffice\/verifications$/);
  await staff.getByRole("link", { name: email }).click();
  await expect(staff.getByRole("heading", { name: "Identity verification case" })).toBeVisible();
  await expect(staff.getByText(/^\+41 ••• •• \d\d$/)).toBeVisible();
  const selfie = staff.getByRole("img", { name: "Selfie holding the document" });
  await expect(selfie).toBeVisible();
  const photoUrl = (await selfie.getAttribute("src"))!;
  const asStaff = await staff.request.get(photoUrl);
  expect(asStaff.status()).toBe(200);
  expect(asStaff.headers()["cache-control"]).toBe("private, no-store");
  expect(asStaff.headers()["content-type"]).toBe("image/png");
  expect((await phonePage.request.get(photoUrl)).status()).toBe(404);
  expect((await page.request.get(photoUrl)).status()).toBe(404);

  await staff.getByLabel("Note").fill("Passport and selfie match.");
  await staff.getByRole("button", { name: "Approve" }).click();
  await expect(staff.getByText("This case is closed (Approved). Its photos have been deleted; only the decision record remains.")).toBeVisible();
  // IDV-3: the photos are gone at once.
  expect((await staff.request.get(photoUrl)).status()).toBe(404);
  await phonePage.reload();
  await expect(phonePage.getByText("This link is not valid or has expired.")).toBeVisible();

  // The user signs in with the password alone and sets up two-step verification again.
  await page.goto("/sign-in");
  await signIn(page, email, PASSWORD);
  await enrolTotp(page);

  await phoneContext.close();
  await staffContext.close();
});
