import { expect, test } from "@playwright/test";
import { msg, signUp, sql, uniqueEmail } from "../support/helpers";

const en = (key: string) => msg("en", key);
const NUL = "%00";
const LONG = "x".repeat(3000);

test("[SEC-5] list pages read their address through one parser: a NUL or an over-long value in a search, filter or cursor answers 200 with a notice, never the error page", async ({ page }) => {
  test.setTimeout(240_000);
  const key = Date.now().toString(36);
  await signUp(page, { email: uniqueEmail("query"), password: "a long enough password", firstName: "Quinn", lastName: "Query" });
  const org = new URL(page.url()).pathname.split("/")[1];
  // The same Organization is a partner too, so the reseller area's pages can be visited.
  const partnerId = `e2eqp${key}`;
  await sql(
    `INSERT INTO "Partner" (id, "orgId", "displayName", "contactEmail", website, "tradeRegisterNumber", "approvedAt") VALUES ($1, $2, $3, $4, 'https://query.example', 'CHE-000.000.000', now())`,
    [partnerId, org, `Query ${key} AG`, uniqueEmail("query-contact")],
  );

  const visits: [string, string, string][] = [
    [`/${org}/users`, "q", "q"],
    [`/${org}/products`, "q", "after"],
    [`/${org}/tags`, "q", "q"],
    [`/${org}/activity`, "before", "action"],
    [`/${org}/invoices`, "q", "q"],
    [`/${org}/orders`, "after", "after"],
    [`/${org}/payments`, "after", "before"],
    [`/${org}/payments/renewals`, "q", "q"],
    [`/${org}/payments/prepaid`, "before", "before"],
    [`/${org}/partners/add`, "q", "partner"],
    ["/partners-directory", "q", "q"],
    ["/reseller", "partner", "after"],
    [`/reseller/${partnerId}/cashback`, "after", "before"],
  ];
  for (const [path, nulParam, longParam] of visits) {
    for (const url of [`${path}?${nulParam}=a${NUL}b`, `${path}?${longParam}=${LONG}`]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.getByTestId("query-notice"), url).toHaveText(en("errors.queryReset"));
      await expect(page.getByRole("heading", { level: 1, name: en("errorPage.title") }), url).toHaveCount(0);
    }
    // Without a bad value, no notice.
    await page.goto(path);
    await expect(page.getByTestId("query-notice"), path).toHaveCount(0);
  }
});
