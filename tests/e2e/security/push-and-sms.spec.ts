import { expect, test } from "@playwright/test";
import { signInToSecondStep, signOut, signUp, sql, uniqueEmail } from "../support/helpers";

const PASSWORD = "a long enough password";

async function lastSmsCode(phone: string, notBefore = 0): Promise<string> {
  let code = "";
  await expect
    .poll(
      async () => {
        const rows = await sql<{ body: string }>(`SELECT body FROM sandbox.sms WHERE to_number = $1 AND accepted_at > to_timestamp($2) ORDER BY accepted_at DESC LIMIT 1`, [phone, notBefore / 1000]);
        code = rows[0]?.body.match(/\b\d{6}\b/)?.[0] ?? "";
        return code;
      },
      { timeout: 10_000 },
    )
    .toMatch(/^\d{6}$/);
  return code;
}

test("[2FA-1] [2FA-3] [2FA-4] pair a push device in a second browser, approve the sign-in there with YES, then remove it", async ({ page, browser }) => {
  test.setTimeout(150_000);
  const email = uniqueEmail("push");
  await signUp(page, { email, password: PASSWORD, firstName: "Pia", lastName: "Push" });
  await page.goto("/account/security");

  await page.getByRole("button", { name: "Add a push device" }).click();
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Show the pairing code" }).click();
  await expect(page.getByRole("img", { name: "QR code with the link that pairs a device" })).toBeVisible();
  const link = (await page.getByTestId("pairing-link").textContent())!.trim();
  expect(link).toMatch(/\/device\/pair\/[A-Za-z0-9_-]+$/);

  // The "phone": another browser, without any Manager session.
  const phone = await browser.newContext();
  const device = await phone.newPage();
  await device.goto(link);
  await expect(device.getByRole("heading", { name: "Pair this device" })).toBeVisible();
  await expect(device.getByText(/Pair this browser with the account p•••@example\.test/)).toBeVisible();
  await device.getByRole("button", { name: "Pair this device" }).click();
  await expect(device).toHaveURL(/\/device$/);
  await expect(device.getByRole("heading", { name: "Sign-in requests" })).toBeVisible();
  await expect(device.getByTestId("offline-code")).toHaveText(/^\d{3} \d{3}$/);
  await expect(device.getByText(/New code in \d+ seconds?/)).toBeVisible();
  const cookie = (await phone.cookies()).find((c) => c.name === "manager.device");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/device" });
  // The pairing link worked once.
  const again = await phone.newPage();
  await again.goto(link);
  await expect(again.getByText("This pairing link is not valid: it has expired or was already used.")).toBeVisible();
  await again.close();

  // The computer learns the pairing by itself; as the first method it shows the backup codes once.
  await expect(page.getByText("The device is paired. Sign-ins can now be approved on it.")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("backup-code")).toHaveCount(10);
  await page.reload();
  await expect(page.getByTestId("two-factor-status")).toHaveText(/is on/);

  // Sign in again: the second step asks the device, which sees where the request comes from. The device
  // page is opened (and left refreshing itself) once the sign-out is done.
  await device.goto("about:blank");
  await signOut(page);
  await device.goto("/device");
  await expect(device.getByText("No sign-in is waiting for your approval.")).toBeVisible();
  await signInToSecondStep(page, email, PASSWORD);
  await expect(page.getByText("Approve on your device: open its page and answer YES. This page continues by itself.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Use a backup code" })).toBeVisible();
  const request = device.getByTestId("sign-in-request");
  await expect(request).toBeVisible({ timeout: 20_000 });
  await expect(request).toContainText("Chrome");
  await expect(request).toContainText("IP address");
  await request.getByRole("button", { name: "YES" }).click();
  await expect(page).toHaveURL(/\/[a-z0-9]+\/dashboard$/, { timeout: 30_000 });
  await expect(device.getByText("No sign-in is waiting for your approval.")).toBeVisible({ timeout: 10_000 });
  await device.goto("about:blank");

  // 2FA-4: removing the device on the security page (password again) unpairs it.
  await page.goto("/account/security");
  await page.getByRole("button", { name: /^Remove Approval on a paired device/ }).click();
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Remove this method" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText(/is off/);
  await device.goto("/device");
  await expect(device.getByText("This device is no longer paired: the method was removed from the account.")).toBeVisible();
  await phone.close();
});

test("[2FA-1] [2FA-5] enrol SMS codes (operator refusal shown first), then sign in with a code received by SMS", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("sms");
  await signUp(page, { email, password: PASSWORD, firstName: "Sam", lastName: "Sms" });
  await page.goto("/account/security");

  await page.getByRole("button", { name: "Add SMS codes" }).click();
  await page.getByLabel("Mobile phone number").fill("+41 79 000 00 00");
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Send the code" }).click();
  await expect(page.getByText("This number cannot be reached by SMS. Check it or use another number.")).toBeVisible();

  const phone = `+4179${String(Date.now()).slice(-7)}`;
  const started = Date.now() - 5_000;
  await page.getByLabel("Mobile phone number").fill(phone);
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Send the code" }).click();
  await expect(page.getByText(`A 6-digit code was sent by SMS to +41 ••• •• ${phone.slice(-2)}.`, { exact: false })).toBeVisible();
  const code = await lastSmsCode(phone, started);
  await page.getByLabel("6-digit code received by SMS").fill(code);
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByText("SMS codes are active.")).toBeVisible();
  await expect(page.getByTestId("backup-code")).toHaveCount(10);

  // 2FA-5: the code is stored as a keyed hash only.
  const rows = JSON.stringify(await sql(`SELECT c.* FROM "TwoFactorChallenge" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1`, [email]));
  expect(rows).not.toContain(code);

  await signOut(page);
  const beforeSignIn = Date.now() - 1_000;
  await signInToSecondStep(page, email, PASSWORD);
  await page.getByRole("button", { name: `Send a code by SMS to +41 ••• •• ${phone.slice(-2)}` }).click();
  await expect(page.getByText(/A 6-digit code was sent by SMS/)).toBeVisible();
  let signInCode = await lastSmsCode(phone, beforeSignIn);
  if (signInCode === code) signInCode = await lastSmsCode(phone, Date.now() - 2_000);
  await page.getByLabel("Verification code").fill(signInCode);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page).toHaveURL(/\/[a-z0-9]+\/dashboard$/, { timeout: 20_000 });
});
