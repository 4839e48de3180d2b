import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "../support/helpers";

/** Creates a personal token from the account page with the given "Read and write" scopes and returns it. */
async function createToken(page: Page, password: string, resources: string[]): Promise<string> {
  await page.goto("/account/api-tokens");
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Automation");
  for (const r of resources)
    await page
      .getByRole("group", { name: r })
      .getByLabel(/^Read and write/)
      .check();
  await page.getByLabel("Your password").fill(password);
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.getByTestId("new-token");
  await expect(field).toHaveValue(/^mgr_/);
  return field.inputValue();
}

test("[API-3] [ORG-6] [ORG-7] what a token writes through the API is what the console shows", async ({ page, request }) => {
  const password = "a long enough password 2026";
  await signUp(page, { email: uniqueEmail("apiw"), password, firstName: "Wanda", lastName: "Writer" });
  const orgId = new URL(page.url()).pathname.split("/")[1];
  const token = await createToken(page, password, ["Organization", "Teams"]);
  const headers = { Authorization: `Bearer ${token}` };

  const name = `Written by API ${Date.now()}`;
  const patched = await request.patch(`/api/1/accounts/${orgId}`, { headers, data: { name, city: "Geneva" } });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({ result: "success", data: { name, city: "Geneva" } });

  const created = await request.post(`/api/accounts/${orgId}/teams`, { headers, data: { name: "Night shift" } });
  expect(created.status()).toBe(201);
  const team = (await created.json()).data as { id: string };

  const invalid = await request.post(`/api/1/accounts/${orgId}/teams`, { headers, data: { name: "" } });
  expect(invalid.status()).toBe(400);
  expect(await invalid.json()).toMatchObject({
    result: "error",
    error: { code: "invalid_input", errors: [{ code: expect.any(String), description: expect.any(String), context: { field: "name" } }] },
  });

  await page.goto(`/${orgId}/organization`);
  await expect(page.getByText(name).first()).toBeVisible();
  await page.goto(`/${orgId}/teams`);
  await expect(page.getByText("Night shift")).toBeVisible();

  const deleted = await request.delete(`/api/1/accounts/${orgId}/teams/${team.id}`, { headers });
  expect(deleted.status()).toBe(204);
  await page.reload();
  await expect(page.getByText("Night shift")).toHaveCount(0);

  // Without the users scope, adding a user is refused.
  const refused = await request.post(`/api/2/accounts/${orgId}/users`, { headers, data: { email: uniqueEmail("nobody"), role: "USER" } });
  expect(refused.status()).toBe(403);
});

test("[API-3] the documentation page shows the write endpoints with their bodies and answers", async ({ page }) => {
  await page.goto("/api-docs");
  const sidebar = page.getByRole("complementary");
  await expect(sidebar).toBeVisible({ timeout: 60_000 });
  const entry = (name: string | RegExp) => sidebar.getByRole("link", { name, exact: true });
  await expect(entry("/2/accounts/{account_id}/users HTTP Method: POST")).toBeVisible({ timeout: 60_000 });
  await expect(entry("/1/accounts/{account_id}/invitations HTTP Method: POST")).toBeVisible();
  await expect(entry(/^\/1\/accounts\/\{account_id\}\/teams\/\{id\}\/members\/\{membershipId\} HTTP Method: DEL/)).toBeVisible();
  // An operation's section shows its request body's fields and its answer's.
  const section = (operationId: string) => page.getByRole("region").filter({ has: page.getByText(operationId, { exact: true }) }).last();
  await entry("/2/accounts/{account_id}/users HTTP Method: POST").click();
  await expect(section("post2AccountsAccountIdUsers").getByRole("group", { name: "Request Body" })).toContainText("email");
  await expect(section("post2AccountsAccountIdUsers").getByRole("group", { name: "Request Body" })).toContainText("role");
  await entry("/1/accounts/{account_id}/invoices HTTP Method: GET").click();
  await expect(section("get1AccountsAccountIdInvoices")).toContainText("total_minor");
  // The former paths are listed, marked deprecated.
  await entry("/1/products HTTP Method: GET").click();
  await expect(section("get1Products")).toContainText("deprecated");
});
