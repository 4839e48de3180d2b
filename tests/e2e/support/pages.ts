import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** The pages every accessibility check visits (pages.spec.ts in the light theme, theme.spec.ts in the dark one). */
export const ORG_PAGES = ["dashboard", "users", "users/invite", "teams", "products", "tags", "organization", "activity", "api-tokens", "invoices", "orders", "payments", "payments?all=1", "payments/renewals", "mail", "drive", "chat", "support", "partner-programme"];
export const PUBLIC_PAGES = ["/sign-in", "/sign-in/help", "/sign-in/help?reason=FORGOTTEN_LOGIN", "/sign-up", "/forgot-password", "/api-docs", "/device", "/mailbox", "/tenders/new", "/partners-directory", "/partners-directory?q=helvetic&region=CH_GERMAN"];
/** Links that are wrong or used up answer a clear page, not an error. */
export const STALE_LINK_PAGES = ["/invitations/not-a-real-token", "/reset-password/not-a-real-token", "/confirm-email/not-a-real-token", "/verify/not-a-real-secret", "/device/pair/not-a-real-secret", "/tenders/view/not-a-real-secret", "/tenders/cancel/not-a-real-secret", "/partner-invitations/not-a-real-token"];
export const ACCOUNT_PAGES = ["/account/security", "/account/support-access", "/account/api-tokens"];

/** Serious and critical WCAG 2.1 A/AA violations on the current page, as readable lines. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
}

/**
 * Visits a page and notes, for a report at the end of the test, whether it failed to answer, threw in
 * the browser or has serious accessibility problems.
 */
export async function visit(page: Page, url: string, problems: string[]) {
  const errors: string[] = [];
  const onError = (err: Error) => errors.push(err.message);
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === "error") errors.push(m.text());
  };
  page.on("pageerror", onError);
  page.on("console", onConsole);
  const response = await page.goto(url);
  await page.waitForLoadState("networkidle");
  page.off("pageerror", onError);
  page.off("console", onConsole);
  if ((response?.status() ?? 500) >= 400) problems.push(`${url}: HTTP ${response?.status()}`);
  for (const e of errors) problems.push(`${url}: ${e}`);
  for (const a of await accessibilityProblems(page)) problems.push(`${url}: ${a}`);
}
