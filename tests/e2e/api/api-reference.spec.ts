import { expect, test, type Page } from "@playwright/test";
import { msg, signUp, uniqueEmail } from "../support/helpers";

type Operation = { operationId: string; summary: string };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** Collects what the browser reports as an error (a Content-Security-Policy violation is one) while `page` is open. */
function browserErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return errors;
}

/** The sidebar entry of one operation: Scalar links it as `#tag/<resource>/<METHOD><path>`. */
function sidebarEntry(page: Page, method: string, path: string) {
  return page.getByRole("complementary").locator(`a[href$="/${method.toUpperCase()}${path}"]`);
}

/** The rendered section of one operation (it shows its operationId); the innermost region holding it. */
function operationSection(page: Page, operationId: string) {
  return page.getByRole("region").filter({ has: page.getByText(operationId, { exact: true }) }).last();
}

/** Everything the browser keeps for this origin: both storages, every IndexedDB record, as one string. */
async function storedInBrowser(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: unknown[] = [{ ...localStorage }, { ...sessionStorage }];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
        dump.push({ [`${info.name}/${store}`]: rows });
      }
      db.close();
    }
    return JSON.stringify(dump);
  });
}

test("[API-3] the API reference renders every operation of the OpenAPI document, without a browser error", async ({ page, request }) => {
  test.setTimeout(300_000);
  const doc = (await (await request.get("/api/openapi.json")).json()) as OpenApi;
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, ...op })));
  expect(operations.length).toBeGreaterThan(50);

  const errors = browserErrors(page);
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "REST API documentation", level: 1 })).toBeVisible();
  await expect(sidebarEntry(page, "GET", "/1/accounts")).toBeVisible({ timeout: 60_000 });
  // Every operation has its entry in the sidebar, named by its method and path.
  const entries = await page.getByRole("complementary").locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(operations.filter((op) => !entries.some((href) => href.endsWith(`/${op.method.toUpperCase()}${op.path}`))).map((op) => `${op.method} ${op.path}`)).toEqual([]);
  // The reader scrolls through the whole reference: each operation is rendered as it comes into view.
  await page.evaluate(async () => {
    for (let i = 0; i < 1000 && window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1; i++) {
      window.scrollBy(0, window.innerHeight);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    }
  });
  // Then each operation's id and summary are on the page: its section was rendered.
  await expect(async () => {
    const text = await page.evaluate(() => document.body.innerText);
    const missing = operations.filter((op) => !text.includes(op.operationId) || !text.includes(op.summary)).map((op) => `${op.method} ${op.path}`);
    expect(missing).toEqual([]);
  }).toPass({ timeout: 20_000 });
  expect(errors).toEqual([]);
});

test("[API-3] [API-1] try it: a pasted personal token calls the Manager from the reference and gets its 200 answer; the token is never stored", async ({ page, context }) => {
  test.setTimeout(180_000);
  const password = "a long enough password 2026";
  await signUp(page, { email: uniqueEmail("tryit"), password, firstName: "Trudy", lastName: "Tryit" });
  const orgId = new URL(page.url()).pathname.split("/")[1];
  await page.goto("/account/api-tokens");
  await page.getByLabel("Name", { exact: true }).fill("Reference");
  await page.getByRole("group", { name: "Organization" }).getByLabel(/^Read\b/).check();
  await page.getByLabel("Your password").fill(password);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").inputValue();
  expect(token).toMatch(/^mgr_/);

  const errors = browserErrors(page);
  await page.goto("/api-docs");
  await expect(sidebarEntry(page, "GET", "/1/accounts")).toBeVisible({ timeout: 60_000 });
  await sidebarEntry(page, "GET", "/1/accounts").click();
  const section = operationSection(page, "get1Accounts");
  await expect(section).toBeVisible();
  // Code samples in curl (the default), JavaScript and Python, and the documented answer's example.
  const sample = section.getByRole("group", { name: /^Code sample:/ });
  await expect(sample).toContainText("curl 'http://localhost");
  await expect(sample).toContainText("Authorization: Bearer");
  await page.getByRole("tab", { name: "JavaScript" }).click();
  await expect(sample).toContainText("fetch('http://localhost");
  await page.getByRole("tab", { name: "Python" }).click();
  await expect(sample).toContainText("requests.get(");
  await expect(section.getByRole("group", { name: "Code sample", exact: true })).toContainText('"result": "success"');

  await section.getByRole("button", { name: /^Test Request/ }).click();
  const client = page.getByRole("dialog", { name: "API Client" });
  await expect(client).toBeVisible();
  await client.getByRole("textbox", { name: "Bearer Token" }).fill(token);
  await client.getByRole("button", { name: /^Send get request to http:\/\/localhost:\d+\/api\/1\/accounts/ }).click();
  const answer = client.getByRole("region", { name: "Response" });
  await expect(answer).toContainText("200");
  await expect(answer).toContainText(`"id": "${orgId}"`);

  // Kept in memory only: nothing the browser stores holds it, and a reload forgets it.
  expect(await storedInBrowser(page)).not.toContain(token);
  expect(JSON.stringify(await context.cookies())).not.toContain(token);
  await page.reload();
  await sidebarEntry(page, "GET", "/1/accounts").click();
  await expect(page.getByText("get1Accounts", { exact: true })).toBeVisible();
  expect(await storedInBrowser(page)).not.toContain(token);
  expect(await page.content()).not.toContain(token);
  expect(errors).toEqual([]);
});

test("[API-3] the page around the reference speaks the reader's language", async ({ browser }) => {
  test.setTimeout(180_000);
  for (const locale of ["en", "fr", "de", "it"] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { name: msg(locale, "apiDocs.title"), level: 1 })).toBeVisible();
    await expect(page.getByText(msg(locale, "apiDocs.tryIt"))).toBeVisible();
    await expect(page.getByRole("region", { name: msg(locale, "apiDocs.referenceTitle") }).getByRole("complementary").locator('a[href$="/GET/1/accounts"]')).toBeVisible({ timeout: 60_000 });
    await context.close();
  }
});
