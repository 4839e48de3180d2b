import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "../support/helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("[TOK-1] [TOK-4] [API-1] create a personal token on the account page (password asked), copy it, call the API, revoke it, get 401", async ({ page, request }) => {
  const password = "a long enough password 2026";
  await signUp(page, { email: uniqueEmail("token"), password, firstName: "Tina", lastName: "Token" });
  const orgId = new URL(page.url()).pathname.split("/")[1];

  // The Organization's page points to the personal tokens.
  await page.getByRole("navigation").getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(new RegExp(`/${orgId}/api-tokens$`));
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await page.getByTestId("personal-tokens-link").click();
  await expect(page).toHaveURL(/\/account\/api-tokens$/);
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill("Deploy script");
  await page.getByRole("group", { name: "Organization" }).getByLabel(/^Read\b/).check();
  await page.getByRole("group", { name: "Products" }).getByLabel(/^Read\b/).check();
  // Restricted to the one Organization (a new account has only this one anyway).
  await page.getByRole("group", { name: "Organizations" }).getByRole("checkbox").first().check();
  // The password is asked again: a wrong one is refused and no token is shown.
  await page.getByLabel("Your password").fill("not my password");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.locator("#f-password-error")).toBeVisible();
  await expect(page.getByTestId("new-token")).toHaveCount(0);

  await page.getByLabel("Your password").fill(password);
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.getByTestId("new-token");
  await expect(field).toHaveValue(/^mgr_[0-9A-Za-z]{38}$/);
  const token = await field.inputValue();
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await expect(page.getByTestId("token-row")).toHaveCount(1);
  await expect(page.getByTestId("token-row")).toContainText("Deploy script");
  await expect(page.getByTestId("token-row")).not.toContainText(token);

  const accounts = await request.get("/api/1/accounts", { headers: { Authorization: `Bearer ${token}` } });
  expect(accounts.status()).toBe(200);
  expect(accounts.headers()["x-ratelimit-limit"]).toBe("60");
  expect(await accounts.json()).toMatchObject({ result: "success", data: [{ id: orgId, type: "owner" }], total: 1, pages: 1 });
  const ok = await request.get(`/api/1/accounts/${orgId}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(await ok.json()).toMatchObject({ result: "success", data: { id: orgId } });
  const latest = await request.get(`/api/accounts/${orgId}/products`, { headers: { Authorization: `Bearer ${token}` } });
  expect(latest.status()).toBe(200);
  // The former one-Organization path still answers, deprecated, naming its successor.
  const legacy = await request.get("/api/products", { headers: { Authorization: `Bearer ${token}` } });
  expect(legacy.status()).toBe(200);
  expect(legacy.headers()["link"]).toContain(`/api/1/accounts/${orgId}/products`);

  await page.reload();
  await expect(page.getByTestId("token-row")).not.toContainText("Never");
  await page.getByRole("button", { name: "Revoke the token “Deploy script”" }).click();
  await page.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByTestId("token-status")).toHaveText("Revoked");

  const refused = await request.get("/api/1/accounts", { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ result: "error", error: { code: "unauthenticated" } });
});

test("[API-3] the OpenAPI document is public and the documentation page renders it", async ({ page, request }) => {
  const res = await request.get("/api/1/openapi.json");
  expect(res.status()).toBe(200);
  expect((await res.json()).openapi).toBe("3.1.0");
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "REST API documentation" })).toBeVisible();
  // The reference (Scalar) lists each operation in its sidebar by path and method.
  await expect(page.getByRole("complementary").getByRole("link", { name: "/1/accounts/{account_id}/products/{id} HTTP Method: GET", exact: true })).toBeVisible({ timeout: 60_000 });
});
