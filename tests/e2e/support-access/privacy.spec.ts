import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, msg, signIn } from "../support/helpers";

// The demo legal representative reads the console in French.
const fr = (key: string, values: Record<string, string> = {}) => msg("fr", key, values);

test("[GDP-1] [ORG-3] a person downloads their own data as JSON and CSV, and cannot delete the account while the only legal representative", async ({ page }) => {
  await signIn(page, "owner@example.com", DEMO_PASSWORD);
  await page.goto("/account/privacy");
  await expect(page.getByRole("heading", { level: 1, name: fr("privacy.title") })).toBeVisible();

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: fr("privacy.downloadJson") }).click()]);
  const data = JSON.parse(await readFile((await json.path())!, "utf8")) as { profile: { email: string }; memberships: { organization: string }[] };
  expect(data.profile.email).toBe("owner@example.com");
  expect(data.memberships.map((m) => m.organization)).toContain("Alpine Web Sàrl");

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: fr("privacy.downloadCsv") }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(await readFile((await csv.path())!, "utf8")).toContain('"profile","1","email","owner@example.com"');

  // Alpine Web has no other legal representative: the page names it instead of offering the deletion.
  await expect(page.getByTestId("delete-blocked")).toContainText("Alpine Web Sàrl");
  await expect(page.getByTestId("delete-account-form")).toHaveCount(0);
});
