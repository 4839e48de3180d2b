import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { generate } from "otplib";
import pg from "pg";

export const DEMO_PASSWORD = "demo-password-2026";
/** The demo staff's authenticator secret (prisma/seed.ts): staff enter the back office with 2FA only (SEC-3). */
export const DEMO_STAFF_TOTP_SECRET = "MANAGERDEMOSTAFFTOTPSECRETKEYABC";

/** The database of the Manager instance under test, written by scripts/start.ts. */
export function runtime(): { appUrl: string; databaseUrl: string } {
  return JSON.parse(readFileSync(path.resolve(".data/e2e/runtime.json"), "utf8"));
}

export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: runtime().databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@example.test`;
}

/** Submits the sign-in form, whatever accounts this browser remembers; the outcome is the caller's to check. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  const other = page.getByRole("button", { name: /other credentials/i });
  if (await other.isVisible().catch(() => false)) await other.click();
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/[a-z0-9]+\/dashboard$/, { timeout: 20_000 });
}

/** Password step only: with 2FA on, the sign-in continues on the second-step page. */
export async function signInToSecondStep(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
  await expect(page.getByRole("heading", { name: "Two-step verification" })).toBeVisible();
}

/**
 * Password, then a code of the authenticator app with `totpSecret`: how staff sign in (SEC-3). A code works
 * once (2FA-5) and tests running in parallel sign the same demo staff in: the code is taken from the first
 * step after the one last used, within the one step of drift the check tolerates; a step another test took
 * in between is refused, and the next one is tried.
 */
export async function signInWithTotp(page: Page, email: string, password: string, totpSecret: string) {
  await signInToSecondStep(page, email, password);
  await expect(async () => {
    const [row] = await sql<{ step: string | null }>(
      `SELECT m."lastUsedStep"::text AS step FROM "TwoFactorMethod" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1 AND m.type = 'TOTP' AND m."confirmedAt" IS NOT NULL`,
      [email],
    );
    const current = Math.floor(Date.now() / 1000 / 30);
    const step = Math.max(current, row?.step ? Number(row.step) + 1 : current);
    expect(step, "every usable step was taken: the next one opens within 30 seconds").toBeLessThanOrEqual(current + 1);
    await page.getByLabel("Verification code").fill(await generate({ secret: totpSecret, epoch: step * 30 }));
    await page.getByRole("button", { name: "Verify", exact: true }).click();
    await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 5_000 });
  }).toPass({ timeout: 70_000 });
}

/** Opens the newest mail for `to` whose subject matches, in the development mailbox; answers its text. */
export async function openMail(page: Page, to: string, subject: RegExp): Promise<string> {
  await expect(async () => {
    await page.goto(`/mailbox?to=${encodeURIComponent(to)}`);
    await expect(page.getByRole("link", { name: subject }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("link", { name: subject }).first().click();
  return (await page.locator("article pre").textContent()) ?? "";
}

/** The path of the link to `prefix…` in a mail's text. */
export function linkPath(body: string, prefix: string): string {
  const link = body.match(new RegExp(`https?://\\S+${prefix}[A-Za-z0-9_-]+`))?.[0];
  expect(link).toBeTruthy();
  return new URL(link!).pathname;
}

/** Fills and sends the sign-up form; the answer is "check your mailbox" whether or not the address is taken (SEC-2). */
export async function submitSignUp(page: Page, input: { email: string; password: string; firstName: string; lastName: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("First name").fill(input.firstName);
  await page.getByLabel("Last name").fill(input.lastName);
  await page.getByLabel("E-mail address").fill(input.email);
  await page.getByLabel("Password").fill(input.password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByRole("heading", { name: "Check your mailbox" })).toBeVisible({ timeout: 20_000 });
}

/** Opens the address confirmation link mailed to `email` and confirms it (SEC-2). */
export async function confirmAddress(page: Page, email: string) {
  await page.goto(linkPath(await openMail(page, email, /Confirm your .*e-mail address/), "/confirm-email/"));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByText(`Your e-mail address ${email} is confirmed.`)).toBeVisible();
}

/**
 * Signs up as a person would: the form, then the confirmation link from the mailbox (unless `confirm` is
 * false: the address stays unproven), then sign-in; ends on the new Organization's dashboard.
 */
export async function signUp(
  page: Page,
  input: { email: string; password: string; firstName: string; lastName: string },
  { confirm = true }: { confirm?: boolean } = {},
) {
  await submitSignUp(page, input);
  if (confirm) await confirmAddress(page, input.email);
  await signIn(page, input.email, input.password);
}

export async function openAccountMenu(page: Page) {
  const menu = page.getByTestId("account-menu");
  if ((await menu.getAttribute("open")) === null) await menu.locator("summary").click();
}

/** Signs out from the avatar menu, whatever the user's language. */
export async function signOut(page: Page) {
  await openAccountMenu(page);
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/sign-in(\?.*)?$/);
}

const LOCALES = ["en", "fr", "de", "it"] as const;
const catalogues = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(readFileSync(path.resolve(`lib/i18n/messages/${l}.json`), "utf8"))]),
) as Record<(typeof LOCALES)[number], Record<string, unknown>>;

/** A message of the UI catalogue, with `{name}`-style values filled in. */
export function msg(locale: keyof typeof catalogues, key: string, values: Record<string, string> = {}): string {
  const text = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogues[locale]) as string;
  return Object.entries(values).reduce((t, [k, v]) => t.replaceAll(`{${k}}`, v), text);
}
