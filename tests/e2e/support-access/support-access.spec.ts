import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, msg, signIn, sql } from "../support/helpers";

// The demo legal representative reads the console in French.
const fr = (key: string, values: Record<string, string> = {}) => msg("fr", key, values);
/** The text of a message up to its first placeholder. */
const prefix = (key: string) => fr(key).split("{")[0];

test("[SUP-1] [SUP-2] [SUP-3] a member reads the mail, shares one e-mail with support, turns drive access on and off", async ({ page }) => {
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  // The person may have last used another of their Organizations: go to Alpine Web's.
  const [{ id: orgId }] = await sql<{ id: string }>(`SELECT id FROM "Organization" WHERE name = 'Alpine Web Sàrl'`);
  await page.goto(`/${orgId}/dashboard`);

  // The content of the mail products, read-only, and one message shared on its own.
  await page.getByRole("navigation", { name: fr("shell.mainNavigation") }).getByRole("link", { name: fr("shell.mail"), exact: true }).click();
  await page.getByRole("link", { name: "contact@alpine-web.ch" }).click();
  await page.getByRole("link", { name: "Site is down?" }).click();
  await expect(page.getByTestId("mail-message")).toContainText("Our website shows an error since this morning");
  await page.getByRole("button", { name: fr("content.mail.share") }).click();
  await expect(page.getByRole("status").filter({ hasText: prefix("content.mail.shared") })).toBeVisible();

  // The support-access page shows the shared e-mail; drive access is turned on, then off.
  await page.goto("/account/support-access");
  const alpine = page.getByTestId("support-access-org").filter({ hasText: "Alpine Web" });
  await expect(alpine.getByTestId("shared-mail").filter({ hasText: "Site is down?" })).toBeVisible();
  const drive = alpine.getByRole("switch", { name: fr("supportAccess.scope.DRIVE") });
  await expect(drive).toHaveAttribute("aria-checked", "false");
  await drive.click();
  await expect(drive).toHaveAttribute("aria-checked", "true");
  await expect(alpine).toContainText(`${fr("supportAccess.scope.DRIVE")} — ${prefix("supportAccess.grantedUntil")}`);
  await drive.click();
  await expect(drive).toHaveAttribute("aria-checked", "false");
  await expect(alpine).toContainText(`${fr("supportAccess.scope.DRIVE")} — ${fr("supportAccess.notGranted")}`);

  // The customer's activity log shows who gave and ended support access.
  await page.goto(`/${orgId}/activity`);
  await expect(page.getByText(fr("activity.actions.support.accessRevoked")).first()).toBeVisible();
  await expect(page.getByText(fr("activity.actions.support.accessGranted")).first()).toBeVisible();

  // Ending the shared e-mail.
  await page.goto("/account/support-access");
  await alpine.getByRole("button", { name: fr("supportAccess.revokeShared", { subject: "Site is down?" }) }).first().click();
  await page.getByRole("alertdialog").getByRole("button", { name: fr("supportAccess.revokeYes") }).click();
  await expect(alpine.getByTestId("shared-mail").filter({ hasText: "Site is down?" })).toHaveCount(0);
});
