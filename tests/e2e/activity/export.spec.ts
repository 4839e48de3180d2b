import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { msg, signUp, sql, uniqueEmail } from "../support/helpers";

test("[ORG-1] the activity log filtered by kind of actor downloads as a CSV file holding that view only", async ({ page }) => {
  const key = randomBytes(3).toString("hex");
  await signUp(page, { email: uniqueEmail("activity"), password: "a long enough password", firstName: "Ava", lastName: "Audit" });
  const orgId = new URL(page.url()).pathname.split("/")[1];
  const rows = [
    ["API_TOKEN", `by-token-${key}`],
    ["SYSTEM", `by-system-${key}`],
  ];
  for (const [kind, name] of rows) {
    await sql(`INSERT INTO "AuditLog" ("actorKind", "orgId", action, "targetType", metadata) VALUES ($1::"ActorKind", $2, 'team.created', 'team', $3)`, [kind, orgId, { name }]);
  }

  await page.goto(`/${orgId}/activity`);
  await expect(page.getByTestId("activity-row").filter({ hasText: `by-system-${key}` })).toHaveCount(1);
  await page.getByLabel(msg("en", "activity.actorFilter")).selectOption({ label: msg("en", "activity.actorKinds.API_TOKEN") });
  await page.getByRole("button", { name: msg("en", "activity.apply") }).click();
  await expect(page).toHaveURL(/[?&]actorKind=API_TOKEN/);
  await expect(page.getByTestId("activity-row")).toHaveCount(1);
  await expect(page.getByTestId("activity-row")).toContainText(`by-token-${key}`);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: msg("en", "activity.exportCsv") }).click()]);
  expect(download.suggestedFilename()).toMatch(/^activity-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...data] = parse(await readFile((await download.path())!, "utf8"), { bom: true }) as string[][];
  expect(header[0]).toBe(msg("en", "activity.columns.when"));
  expect(data.map((r) => [r[1], r[6]])).toEqual([[msg("en", "activity.actorKinds.API_TOKEN"), `by-token-${key}`]]);
});
