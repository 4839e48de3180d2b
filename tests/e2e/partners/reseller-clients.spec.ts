import { expect, test } from "@playwright/test";
import { msg, signUp, sql, uniqueEmail } from "../support/helpers";

const en = (key: string, values: Record<string, string> = {}) => msg("en", key, values);

test("[PRT-4] [PRT-7] the reseller area pages a partner's 27 clients 25 at a time; one dialog ends the partnership of the row whose button was clicked", async ({ page }) => {
  test.setTimeout(180_000);
  const key = Date.now().toString(36);
  await signUp(page, { email: uniqueEmail("pager"), password: "a long enough password", firstName: "Pia", lastName: "Pager" });
  const partnerOrg = new URL(page.url()).pathname.split("/")[1];
  const partnerId = `e2epg${key}`;
  await sql(
    `INSERT INTO "Partner" (id, "orgId", "displayName", "contactEmail", website, "tradeRegisterNumber", "approvedAt") VALUES ($1, $2, $3, $4, 'https://pager.example', 'CHE-000.000.000', now())`,
    [partnerId, partnerOrg, `Pager ${key} AG`, uniqueEmail("pager-contact")],
  );
  // 27 clients with full access, named so that their order is known.
  await sql(
    `WITH o AS (
       INSERT INTO "Organization" (id, name, "entityType", country, currency, "updatedAt")
       SELECT 'e2epgo' || $1 || n, 'Pager client ' || $1 || ' ' || lpad(n::text, 3, '0'), 'COMPANY', 'CH', 'CHF', now() FROM generate_series(1, 27) AS n
       RETURNING id)
     INSERT INTO "Partnership" (id, "partnerId", "clientOrgId", access, status, "acceptedAt") SELECT 'e2epgp' || o.id, $2, o.id, 'FULL', 'ACTIVE', now() FROM o`,
    [key, partnerId],
  );
  const name = (n: number) => `Pager client ${key} ${String(n).padStart(3, "0")}`;

  await page.goto("/reseller");
  const rows = page.getByTestId("reseller-client-row");
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toContainText(name(1));
  await expect(rows.last()).toContainText(name(25));
  await page.getByRole("link", { name: en("reseller.next"), exact: true }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(name(26));
  await expect(rows.last()).toContainText(name(27));
  await page.getByRole("link", { name: en("reseller.previous"), exact: true }).click();
  await expect(rows).toHaveCount(25);
  await expect(rows.first()).toContainText(name(1));

  // PRT-8: ticking rows shows the bar; "tick all", the first cell of the header row, ticks the page.
  const tickAll = page.getByRole("row").first().getByRole("checkbox", { name: en("resellerDownload.tickAll") });
  await expect(page.getByRole("columnheader").getByRole("checkbox", { name: en("resellerDownload.tickAll") })).toHaveCount(1);
  await page.getByRole("checkbox", { name: en("resellerDownload.tick", { client: name(2) }) }).check();
  await expect(page.getByTestId("selection-bar")).toContainText("1");
  await expect(tickAll).toBeChecked({ indeterminate: true });
  await tickAll.check();
  await expect(page.getByTestId("selection-bar")).toContainText("25");
  await expect(page.getByRole("checkbox", { name: en("resellerDownload.tick", { client: name(25) }) })).toBeChecked();
  await page.getByRole("button", { name: en("resellerDownload.clearTicks") }).click();
  await expect(page.getByTestId("selection-bar")).toHaveCount(0);
  await expect(tickAll).not.toBeChecked();

  // PRT-7: Cancel first, then the dialog opened from the third row ends that partnership only.
  await page.getByRole("button", { name: en("reseller.endLabel", { client: name(3) }) }).click();
  const dialog = page.getByRole("alertdialog", { name: en("reseller.endConfirm", { client: name(3) }) });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: en("reseller.cancel") }).click();
  await expect(dialog).toHaveCount(0);
  // A refusal shown for one row (the client ended this partnership meanwhile) is not shown again when the
  // dialog opens for another row.
  await sql(`UPDATE "Partnership" SET status = 'ENDED', "endedAt" = now() WHERE id = $1`, [`e2epgpe2epgo${key}5`]);
  await page.getByRole("button", { name: en("reseller.endLabel", { client: name(5) }) }).click();
  const refused = page.getByRole("alertdialog", { name: en("reseller.endConfirm", { client: name(5) }) });
  await refused.getByRole("button", { name: en("reseller.endYes") }).click();
  await expect(refused.getByRole("alert")).toHaveText(en("partnerships.errors.notActive"));
  await refused.getByRole("button", { name: en("reseller.cancel") }).click();
  await expect(refused).toHaveCount(0);
  await page.getByRole("button", { name: en("reseller.endLabel", { client: name(3) }) }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await dialog.getByRole("button", { name: en("reseller.endYes") }).click();
  await expect(page.getByRole("status").filter({ hasText: en("reseller.ended", { client: name(3) }) })).toBeVisible();
  await expect(page.getByRole("link", { name: name(3), exact: true })).toHaveCount(0);
  const ended = await sql<{ clientOrgId: string }>(`SELECT "clientOrgId" FROM "Partnership" WHERE "partnerId" = $1 AND status = 'ENDED'`, [partnerId]);
  expect(ended.map((p) => p.clientOrgId).sort()).toEqual([`e2epgo${key}3`, `e2epgo${key}5`]);
});
