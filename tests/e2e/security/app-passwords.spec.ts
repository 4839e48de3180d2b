import { expect, test } from "@playwright/test";
import { openAccountMenu, signUp, sql, uniqueEmail } from "../support/helpers";

const PASSWORD = "a long enough password";
const basic = (email: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}` });

test("[APP-1] [APP-2] [APP-3] generate an application password, use it on the tools endpoint, revoke it from the ⋮ menu", async ({ page, request }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("apppw");
  await signUp(page, { email, password: PASSWORD, firstName: "Ada", lastName: "Tools" });

  await openAccountMenu(page);
  await page.getByRole("link", { name: "Security", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole("heading", { name: "Application passwords" })).toBeVisible();

  // APP-1: a name, then the password shown once with a copy button and the guide's warning.
  await page.getByRole("button", { name: "Generate an application password" }).click();
  await page.getByLabel("Name of the application password").fill("Thunderbird");
  // SEC-8: the account password is asked again; a wrong one is an error on that field.
  await page.getByLabel("Your account password", { exact: true }).fill("not my password");
  await page.getByRole("button", { name: "Generate the application password" }).click();
  await expect(page.getByText("This password is incorrect.")).toBeVisible();
  await page.getByLabel("Your account password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Generate the application password" }).click();
  const panel = page.getByRole("dialog", { name: "Application password “Thunderbird”" });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("it will no longer be accessible once this window is closed");
  await expect(panel.getByRole("button", { name: "Copy" })).toBeVisible();
  const appPassword = (await page.getByTestId("app-password-value").textContent())!.trim();
  expect(appPassword).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
  await panel.getByRole("button", { name: "Close" }).click();
  await expect(page.getByText(appPassword)).toHaveCount(0);
  const row = page.getByTestId("app-password-row").filter({ hasText: "Thunderbird" });
  await expect(row).toContainText("Never");

  // Only a hash is stored.
  const stored = JSON.stringify(await sql(`SELECT a.* FROM "AppPassword" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1`, [email]));
  expect(stored).not.toContain(appPassword);
  expect(stored).not.toContain(appPassword.replaceAll("-", ""));

  // APP-2: the tools endpoint accepts it over HTTP Basic; the account password is refused there.
  const ok = await request.get("/api/tools/whoami", { headers: basic(email, appPassword) });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ result: "success", data: { email, name: "Ada Tools" } });
  const withAccountPassword = await request.get("/api/tools/whoami", { headers: basic(email, PASSWORD) });
  expect(withAccountPassword.status()).toBe(401);
  expect(withAccountPassword.headers()["www-authenticate"]).toContain('Basic realm="Manager tools"');
  await page.reload();
  await expect(row).not.toContainText("Never");

  // APP-3: revoke it from its ⋮ menu; the tool is refused afterwards.
  await row.getByRole("button", { name: "Actions for Thunderbird" }).click();
  await page.getByRole("menuitem", { name: "Revoke" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Revoke the application password “Thunderbird”?");
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("app-password-row")).toHaveCount(0);
  const refused = await request.get("/api/tools/whoami", { headers: basic(email, appPassword) });
  expect(refused.status()).toBe(401);
});

test("[APP-3] “Revoke all” at the top of the table, after a confirmation", async ({ page, request }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("apppw-all");
  await signUp(page, { email, password: PASSWORD, firstName: "Bob", lastName: "Tools" });
  await page.goto("/account/security");
  const passwords: string[] = [];
  for (const name of ["Contacts", "Calendars"]) {
    await page.getByRole("button", { name: "Generate an application password" }).click();
    await page.getByLabel("Name of the application password").fill(name);
    await page.getByLabel("Your account password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Generate the application password" }).click();
    passwords.push((await page.getByTestId("app-password-value").textContent())!.trim());
    await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
  }
  await expect(page.getByTestId("app-password-row")).toHaveCount(2);

  await page.getByRole("button", { name: "Revoke all" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Revoke all 2 application passwords?");
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke all" }).click();
  await expect(page.getByText("2 application passwords revoked.")).toBeVisible();
  await expect(page.getByTestId("app-password-row")).toHaveCount(0);
  for (const p of passwords) expect((await request.get("/api/tools/whoami", { headers: basic(email, p) })).status()).toBe(401);
});
