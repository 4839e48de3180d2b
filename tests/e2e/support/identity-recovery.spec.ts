import { expect, test } from "@playwright/test";
import QRCode from "qrcode";
import { DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET, linkPath, msg, openMail, signIn, signInWithTotp, signUp, sql, uniqueEmail } from "./helpers";

const en = (key: string, values: Record<string, string> = {}) => msg("en", key, values);

test("[IDV-1] [IDV-2] forgot the login e-mail: identity checked, the recovery link from the mail shows the login and sets a password; an expired or used link shows the stale-link page", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const login = uniqueEmail("forgotten-login");
  const contact = uniqueEmail("readable-now");
  await signUp(page, { email: login, password: "the password I forgot", firstName: "Rita", lastName: "Recover" });

  // A browser that knows nothing of the account: the sign-in page's help, "I forgot my login e-mail".
  const context = await browser.newContext();
  const person = await context.newPage();
  await person.goto("/sign-in");
  await person.getByRole("link", { name: en("auth.identityHelp.forgotLoginLink") }).click();
  await expect(person.getByRole("heading", { name: en("auth.identityHelp.title") })).toBeVisible();
  await expect(person.getByLabel(en("auth.identityHelp.reasons.FORGOTTEN_LOGIN"))).toBeChecked();
  await expect(person.getByLabel(en("auth.identityHelp.loginEmail"))).toHaveCount(0);
  await person.getByLabel(en("auth.identityHelp.contactEmail")).fill(contact);
  await person.getByRole("button", { name: en("auth.identityHelp.submit") }).click();
  await expect(person.getByText(en("auth.identityHelp.sent", { email: contact }))).toBeVisible();

  // IDV-2: the link mailed to the address the person reads now; no account, so no phone step.
  await person.goto(linkPath(await openMail(person, contact, /identity verification link/), "/verify/"));
  await person.getByLabel(en("verification.passport")).check();
  await person.getByRole("button", { name: en("verification.continue") }).click();
  await person.getByLabel(en("verification.photoPassport")).setInputFiles({ name: "passport.png", mimeType: "image/png", buffer: await QRCode.toBuffer("passport page") });
  await person.getByLabel(en("verification.photoSelfie")).setInputFiles({ name: "selfie.png", mimeType: "image/png", buffer: await QRCode.toBuffer("selfie") });
  await person.getByRole("button", { name: en("verification.submit") }).click();
  await expect(person.getByText(en("verification.underReview"))).toBeVisible();

  // A supervisor compares the documents and names the account they match.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInWithTotp(staff, "supervisor@example.com", DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET);
  await staff.goto("/backoffice/verifications");
  await staff.getByRole("link", { name: contact }).click();
  await staff.getByLabel(en("backofficeVerifications.accountEmail")).fill(login);
  await staff.getByRole("button", { name: en("backofficeVerifications.approve") }).click();
  await expect(staff.getByText(en("backofficeVerifications.closed", { status: en("backofficeVerifications.statuses.APPROVED") }))).toBeVisible();
  await staffContext.close();

  // The recovery link goes to the verified address.
  const link = linkPath(await openMail(person, contact, /get your account back/), "/reset-password/");

  // Past its 24 hours the link shows the stale-link page.
  const [{ hash }] = await sql<{ hash: string }>(
    `SELECT t."tokenHash" AS hash FROM "PasswordResetToken" t JOIN "User" u ON u.id = t."userId" WHERE u.email = $1 AND t."caseId" IS NOT NULL AND t."usedAt" IS NULL`,
    [login],
  );
  const [{ expires }] = await sql<{ expires: Date }>(`SELECT "expiresAt" AS expires FROM "PasswordResetToken" WHERE "tokenHash" = $1`, [hash]);
  await sql(`UPDATE "PasswordResetToken" SET "expiresAt" = now() - interval '1 minute' WHERE "tokenHash" = $1`, [hash]);
  await person.goto(link);
  await expect(person.getByRole("alert").filter({ hasText: en("auth.linkExpired") })).toBeVisible();
  await expect(person.getByRole("link", { name: en("auth.askNewLink") })).toBeVisible();
  await expect(person.getByTestId("recovered-login")).toHaveCount(0);

  // Within them, it shows the forgotten login e-mail and sets a new password, once.
  await sql(`UPDATE "PasswordResetToken" SET "expiresAt" = $2 WHERE "tokenHash" = $1`, [hash, expires]);
  await person.goto(link);
  await expect(person.getByTestId("recovered-login")).toContainText(login);
  await person.getByLabel(en("auth.newPassword"), { exact: true }).fill("my brand new password");
  await person.getByLabel(en("auth.confirmPassword")).fill("my brand new password");
  await person.getByRole("button", { name: en("auth.savePassword") }).click();
  await expect(person).toHaveURL(/\/sign-in\?reset=1/);
  await signIn(person, login, "my brand new password");

  await person.goto(link);
  await expect(person.getByRole("alert").filter({ hasText: en("auth.linkExpired") })).toBeVisible();
  await expect(person.getByTestId("recovered-login")).toHaveCount(0);
  await context.close();
});
