import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "../support/helpers";

test("[SUP-1] [SUP-2] [SUP-3] a member reads the mail, shares one e-mail with support, turns drive access on and off", async ({ page }) => {
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  const orgId = new URL(page.url()).pathname.split("/")[1];

  // The content of the mail products, read-only, and one message shared on its own.
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Mail", exact: true }).click();
  await page.getByRole("link", { name: "contact@alpine-web.ch" }).click();
  await page.getByRole("link", { name: "Site is down?" }).click();
  await expect(page.getByTestId("mail-message")).toContainText("Our website shows an error since this morning");
  await page.getByRole("button", { name: "Share this e-mail with support" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Shared with support until" })).toBeVisible();

  // The support-access page shows the shared e-mail; drive access is turned on, then off.
  await page.goto("/account/support-access");
  const alpine = page.getByTestId("support-access-org").filter({ hasText: "Alpine Web" });
  await expect(alpine.getByTestId("shared-mail").filter({ hasText: "Site is down?" })).toBeVisible();
  const drive = alpine.getByRole("switch", { name: "Drive folders" });
  await expect(drive).toHaveAttribute("aria-checked", "false");
  await drive.click();
  await expect(drive).toHaveAttribute("aria-checked", "true");
  await expect(alpine).toContainText(/Drive folders — allowed until/);
  await drive.click();
  await expect(drive).toHaveAttribute("aria-checked", "false");
  await expect(alpine).toContainText("Drive folders — not allowed");

  // The customer's activity log shows who gave and ended support access.
  await page.goto(`/${orgId}/activity`);
  await expect(page.getByText("Support access ended").first()).toBeVisible();
  await expect(page.getByText("Support access given").first()).toBeVisible();

  // Ending the shared e-mail.
  await page.goto("/account/support-access");
  await alpine.getByRole("button", { name: "End the sharing of “Site is down?”" }).first().click();
  await expect(alpine.getByTestId("shared-mail").filter({ hasText: "Site is down?" })).toHaveCount(0);
});
