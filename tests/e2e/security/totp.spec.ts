import { expect, test } from "@playwright/test";
import { generate } from "otplib";
import { openAccountMenu, signInToSecondStep, signOut, signUp, sql, uniqueEmail } from "../support/helpers";

const PASSWORD = "a long enough password";

test("[2FA-1] [2FA-2] [2FA-5] enrol an authenticator app, sign in with a code and with a backup code; used codes are refused", async ({ page }) => {
  test.setTimeout(150_000);
  const email = uniqueEmail("totp");
  await signUp(page, { email, password: PASSWORD, firstName: "Tia", lastName: "Otp" });

  // Security page from the avatar menu.
  await openAccountMenu(page);
  await page.getByRole("link", { name: "Security", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByTestId("two-factor-status")).toHaveText(/is off/);

  // 2FA-1: enrolment shows a QR code and the key in text; the first code activates the app.
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await page.getByLabel("Name of this app (optional)").fill("Phone");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("img", { name: "QR code that adds your account to an authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]+$/);
  const enrolCode = await generate({ secret });
  await page.getByLabel("6-digit code shown by the app").fill(enrolCode);
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByText("The authenticator app is active.")).toBeVisible();

  // 2FA-2: ten backup codes, shown once, with a download and print.
  const codes = (await page.getByTestId("backup-code").allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  const download = page.getByRole("link", { name: "Download (.txt)" });
  expect(decodeURIComponent((await download.getAttribute("href"))!)).toContain(codes[0]);
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(page.getByTestId("two-factor-status")).toHaveText(/is on/);
  await expect(page.getByRole("button", { name: "Remove Authenticator app · Phone" })).toBeVisible();

  // 2FA-5: nothing secret in the tables.
  const rows = JSON.stringify(
    await sql(
      `SELECT m."secretEncrypted", b."codeHash" FROM "User" u JOIN "TwoFactorMethod" m ON m."userId" = u.id JOIN "BackupCode" b ON b."userId" = u.id WHERE u.email = $1`,
      [email],
    ),
  );
  expect(rows).not.toContain(secret);
  for (const c of codes) expect(rows).not.toContain(c);

  // The password alone no longer opens the console.
  await signOut(page);
  await signInToSecondStep(page, email, PASSWORD);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);

  // The enrolment code is spent: wait for the app's next code (a new 30-second window), then sign in with it.
  await expect.poll(() => generate({ secret }), { timeout: 35_000, intervals: [500] }).not.toBe(enrolCode);
  const code = await generate({ secret });
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page).toHaveURL(/\/[a-z0-9]+\/dashboard$/);

  // 2FA-5: the same code on a new sign-in is refused.
  await signOut(page);
  await signInToSecondStep(page, email, PASSWORD);
  await page.getByLabel("Verification code").fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByText("This code is not valid or has already been used.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);

  // 2FA-3: a backup code instead.
  await page.getByRole("button", { name: "Use a backup code" }).click();
  await page.getByLabel("Backup code").fill(codes[0]);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page).toHaveURL(/\/[a-z0-9]+\/dashboard$/);

  await page.goto("/account/security");
  await expect(page.getByTestId("backup-codes-left")).toHaveText("9 backup codes left.");
  await expect(page.getByTestId("sessions").getByText("This device")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Second step passed" }).first()).toBeVisible();

  // 2FA-2: that backup code works once.
  await signOut(page);
  await signInToSecondStep(page, email, PASSWORD);
  await page.getByRole("button", { name: "Use a backup code" }).click();
  await page.getByLabel("Backup code").fill(codes[0]);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByText("This code is not valid or has already been used.")).toBeVisible();

  // Cancel signs the pending session out.
  await page.getByRole("button", { name: "Cancel and sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in(\?.*)?$/);
  await page.goto("/sign-in/two-factor");
  await expect(page).toHaveURL(/\/sign-in$/);
});
