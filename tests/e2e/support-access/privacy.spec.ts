import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { msg, signUp, uniqueEmail } from "../support/helpers";

const en = (key: string, values: Record<string, string> = {}) => msg("en", key, values);

// A person of its own: the sole legal representative of the Organization their sign-up created (another
// spec's people joining a demo Organization cannot change the answer).
test("[GDP-1] [ORG-3] a person downloads their own data as JSON and CSV, and cannot delete the account while the only legal representative", async ({ page }) => {
  const email = uniqueEmail("privacy");
  await signUp(page, { email, password: "a long enough password", firstName: "Petra", lastName: "Privacy" });
  const organization = "Petra Privacy";
  await page.goto("/account/privacy");
  await expect(page.getByRole("heading", { level: 1, name: en("privacy.title") })).toBeVisible();

  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: en("privacy.downloadJson") }).click()]);
  const data = JSON.parse(await readFile((await json.path())!, "utf8")) as { profile: { email: string }; memberships: { organization: string }[] };
  expect(data.profile.email).toBe(email);
  expect(data.memberships.map((m) => m.organization)).toContain(organization);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: en("privacy.downloadCsv") }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(await readFile((await csv.path())!, "utf8")).toContain(`"profile","1","email","${email}"`);

  // The Organization has no other legal representative: the page names it instead of offering the deletion.
  await expect(page.getByTestId("delete-blocked")).toContainText(organization);
  await expect(page.getByTestId("delete-account-form")).toHaveCount(0);
});
