import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { createDb } from "@/lib/db";
import { addMember, createOrganization, createProducts, createRawApiToken, createUser, DEFAULT_PASSWORD } from "../../factories";
import { msg } from "../support/helpers";
import { startOwnManager, type OwnManager } from "./own-manager";

/**
 * The database goes away while people work, and comes back (SEC-5, issue "database faults"). This spec
 * breaks the database of a Manager of its own — the shared end-to-end server keeps its database.
 */
test.describe.configure({ mode: "serial", timeout: 420_000 });

/** An answer must come within this bound during the outage: a hang check, not a performance test. */
const ANSWER_WITHIN_MS = 8_000;
/** What must never reach a reader: stack frames, driver and ORM internals, addresses of the database. */
const LEAK = /\n\s+at |node_modules|Prisma|ECONNREFUSED|127\.0\.0\.1:\d+|Invalid `/;
/** The same in a page, whose scripts name the app's own chunks. */
const PAGE_LEAK = /\n\s+at \S+ \(|Prisma|ECONNREFUSED|127\.0\.0\.1:\d+|Invalid `/;

let manager: OwnManager;
let world: Awaited<ReturnType<typeof createWorld>>;

async function sql<T = Record<string, unknown>>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: manager.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** An Organization (CHF) with two legal representatives, a French and a German administrator, products and API tokens. */
async function createWorld() {
  const db = createDb(manager.databaseUrl);
  try {
    const [alice, bob, francoise, dieter] = await Promise.all([
      createUser(db, { locale: "en", firstName: "Alice" }),
      createUser(db, { locale: "en", firstName: "Bob" }),
      createUser(db, { locale: "fr", firstName: "Françoise" }),
      createUser(db, { locale: "de", firstName: "Dieter" }),
    ]);
    const org = await createOrganization(db, { legalRepresentativeId: alice.id, country: "CH" });
    const bobMembership = await addMember(db, org.id, bob.id, "LEGAL_REPRESENTATIVE");
    await addMember(db, org.id, francoise.id, "ADMINISTRATOR");
    await addMember(db, org.id, dieter.id, "ADMINISTRATOR");
    const products = await createProducts(db, [0, 1, 2].map((i) => ({ orgId: org.id, name: `fault-${i}.ch` })));
    // The API allows 60 requests a minute per token: the loops take turns over several.
    const tokens = async (userId: string, n: number) => Promise.all(Array.from({ length: n }, () => createRawApiToken(db, { userId, orgIds: [org.id] })));
    return {
      orgId: org.id,
      alice: { email: alice.email, membershipId: org.legalRepresentativeMembershipId, tokens: await tokens(alice.id, 12) },
      bob: { email: bob.email, membershipId: bobMembership.id, tokens: await tokens(bob.id, 12) },
      francoise: francoise.email,
      dieter: dieter.email,
      productIds: products.map((p) => p.id),
    };
  } finally {
    await db.$disconnect();
  }
}

type Answer = { what: string; status: number; ms: number; body: string; retryAfter: string | null };
const answers: Answer[] = [];

/** One API request of the loops: its status, time and body are kept for the checks. */
async function api(what: string, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const started = performance.now();
  let answer: Answer;
  try {
    const res = await fetch(`${manager.url}/api/1/accounts/${world.orgId}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    answer = { what, status: res.status, ms: performance.now() - started, body: await res.text(), retryAfter: res.headers.get("retry-after") };
  } catch (err) {
    answer = { what, status: 0, ms: performance.now() - started, body: String(err), retryAfter: null };
  }
  answers.push(answer);
  return answer;
}

/** Browser work the loops completed: sign-ins, and top-ups paid through the sandbox. */
const progress = { signIns: 0, topUps: 0 };

let turn = 0;
const tokenOf = (who: { tokens: string[] }) => who.tokens[turn++ % who.tokens.length];

/** Signs in through the form (the browser's language decides the labels: English contexts only). */
async function signIn(page: Page, email: string) {
  await page.goto(`${manager.url}/sign-in`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(DEFAULT_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 20_000 });
}

/** A signed-in browser in `locale` (for the French and German readers, their cookies come from an English sign-in). */
async function signedIn(browser: Browser, email: string, locale: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "en-US" });
  await signIn(await context.newPage(), email);
  const cookies = await context.cookies();
  await context.close();
  const reader = await browser.newContext({ locale });
  await reader.addCookies(cookies);
  return reader;
}

/** A browser of the loops: no step of theirs waits longer than an answer may take, so they stop when told. */
async function loopContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "en-US" });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  return context;
}

/** The work that goes on while the database fails: each loop runs until `running.value` is false. */
function startLoops(browser: Browser, running: { value: boolean }) {
  const { alice, bob, orgId, productIds } = world;
  const legalRepresentatives = (async () => {
    while (running.value) {
      // Both make the other a legal representative again, then both try to step the other down at once:
      // whatever fails, at least one stays (ORG-3).
      await Promise.all([
        api("promote", tokenOf(alice), "PATCH", `/users/${bob.membershipId}`, { role: "LEGAL_REPRESENTATIVE" }),
        api("promote", tokenOf(bob), "PATCH", `/users/${alice.membershipId}`, { role: "LEGAL_REPRESENTATIVE" }),
      ]);
      await Promise.all([
        api("demote", tokenOf(alice), "PATCH", `/users/${bob.membershipId}`, { role: "ADMINISTRATOR" }),
        api("demote", tokenOf(bob), "PATCH", `/users/${alice.membershipId}`, { role: "ADMINISTRATOR" }),
      ]);
    }
  })();
  const tags = (async () => {
    for (let i = 0; running.value; i++) {
      const productId = productIds[i % productIds.length];
      const attached = await api("tag", tokenOf(alice), "POST", `/products/${productId}/tags`, { name: `Loop ${i % 4}` });
      const tagId = attached.status < 300 ? (JSON.parse(attached.body) as { data: { tag: { id: string } } }).data.tag.id : null;
      if (tagId && i % 2) await api("untag", tokenOf(bob), "DELETE", `/products/${productId}/tags/${tagId}`);
    }
  })();
  const signIns = (async () => {
    const context = await loopContext(browser);
    const page = await context.newPage();
    while (running.value) {
      await context.clearCookies();
      await signIn(page, world.alice.email).then(
        () => progress.signIns++,
        () => {},
      );
    }
    await context.close();
  })();
  const topUps = (async () => {
    const context = await loopContext(browser);
    const page = await context.newPage();
    while (running.value) {
      await (async () => {
        await page.goto(`${manager.url}/${orgId}/payments/prepaid`, { timeout: 15_000 });
        if (new URL(page.url()).pathname.startsWith("/sign-in")) {
          await signIn(page, world.bob.email);
          await page.goto(`${manager.url}/${orgId}/payments/prepaid`, { timeout: 15_000 });
        }
        await page.getByLabel(msg("en", "prepaid.amount", { currency: "CHF" })).fill("1.50", { timeout: 5_000 });
        await page.getByRole("radio", { name: msg("en", "billing.methods.CARD") }).check({ timeout: 5_000 });
        await page.getByRole("button", { name: msg("en", "prepaid.topUp"), exact: true }).click({ timeout: 5_000 });
        await expect(page).toHaveURL(/\/sandbox\/pay\/cs_/, { timeout: 15_000 });
        await page.locator('input[name="number"]').fill("4242 4242 4242 4242", { timeout: 5_000 });
        await page.locator('input[name="expiry"]').fill("12/30");
        await page.locator('input[name="cvc"]').fill("123");
        await page.locator('form:has(input[name="step"][value="card"]) button[type="submit"]').click();
        await expect(page).toHaveURL(new RegExp(`/${orgId}/payments/`), { timeout: 15_000 });
        progress.topUps++;
      })().catch(() => {});
    }
    await context.close();
  })();
  return Promise.all([legalRepresentatives, tags, signIns, topUps]);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  manager = await startOwnManager(`e2e-faults-${process.pid}`);
  world = await createWorld();
});

// On a failure the server's own log says why (an answer's body never does): attached, and its errors printed.
test.afterEach(async ({}, testInfo) => {
  if (!manager || testInfo.status === testInfo.expectedStatus) return;
  const log = manager.logs();
  await testInfo.attach("server-log.txt", { body: log, contentType: "text/plain" });
  console.log(log.split("\n").filter((line) => /error|prisma|P\d{4}|internal/i.test(line)).slice(-60).join("\n"));
});

test.afterAll(async () => {
  await manager?.stop();
});

test("[SEC-5] [ORG-3] [ORG-7] [BIL-6] [TAG-2] while PostgreSQL stops and restarts under load: 503 'temporarily unavailable' fast and without internals, then the same server works again and no invariant is broken", async ({ browser }) => {
  const french = await signedIn(browser, world.francoise, "fr-FR");
  const german = await signedIn(browser, world.dieter, "de-DE");
  const frenchPage = await french.newPage();
  const germanPage = await german.newPage();
  await frenchPage.goto(`${manager.url}/${world.orgId}/dashboard`);
  await expect(frenchPage).toHaveURL(/\/dashboard$/);

  const running = { value: true };
  const loops = startLoops(browser, running);
  /** When the database answered again (its own clock, as the job queue's rows are dated). */
  let restartedAt = "";
  try {
    // Work goes through before the outage.
    await expect.poll(() => answers.filter((a) => a.status > 0 && a.status < 300).length, { timeout: 60_000 }).toBeGreaterThan(5);
    await expect.poll(() => Math.min(progress.signIns, progress.topUps), { timeout: 120_000 }).toBeGreaterThan(0);

    await manager.postgres.stop();
    const outageStart = answers.length;

    // The console: a translated "temporarily unavailable" page with 503, in the reader's language.
    for (const [page, locale] of [
      [frenchPage, "fr"],
      [germanPage, "de"],
    ] as const) {
      const started = performance.now();
      const res = await page.goto(`${manager.url}/${world.orgId}/dashboard`);
      expect(performance.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
      expect(res?.status()).toBe(503);
      expect(res?.headers()["retry-after"]).toBe("30");
      const alert = page.getByTestId("error-unavailable");
      await expect(alert.getByRole("heading", { level: 1, name: msg(locale, "errorPage.unavailableTitle") })).toBeVisible();
      await expect(alert.getByText(msg(locale, "errorPage.unavailableBody"))).toBeVisible();
      expect(await res!.text()).not.toMatch(PAGE_LEAK);
      await expect(page.locator("body")).not.toContainText(PAGE_LEAK);
    }

    // The API: 503 with Retry-After and the error envelope.
    const read = await api("read", tokenOf(world.alice), "GET", "/tags");
    expect(read.ms).toBeLessThan(ANSWER_WITHIN_MS);
    expect(read.status).toBe(503);
    expect(read.retryAfter).toBe("30");
    expect(JSON.parse(read.body)).toMatchObject({ result: "error", error: { code: "unavailable", description: expect.any(String) } });

    // The loops keep going during the outage until several of their answers are 503s.
    await expect.poll(() => answers.slice(outageStart).filter((a) => a.status === 503).length, { timeout: 60_000 }).toBeGreaterThan(8);

    await manager.postgres.start();
    // The same server, not restarted: the console and the API answer again.
    await expect(async () => {
      const res = await frenchPage.goto(`${manager.url}/${world.orgId}/dashboard`);
      expect(res?.status()).toBe(200);
    }).toPass({ timeout: 60_000 });
    await expect(frenchPage).toHaveURL(/\/dashboard$/);
    restartedAt = (await sql<{ at: string }>(`SELECT to_json(now())#>>'{}' AS at`))[0].at;
    const recovered = answers.length;
    const before = { ...progress };
    await expect.poll(() => answers.slice(recovered).filter((a) => a.status > 0 && a.status < 300).length, { timeout: 60_000 }).toBeGreaterThan(5);
    // Signing in and paying a top-up through the sandbox work again too.
    await expect.poll(() => Math.min(progress.signIns - before.signIns, progress.topUps - before.topUps), { timeout: 120_000 }).toBeGreaterThan(0);
    const outage = answers.slice(outageStart, recovered);
    expect(outage.filter((a) => a.status === 503).length).toBeGreaterThan(8);

    // Every API answer of the whole run: a known status, within the bound during the outage, never internals.
    for (const a of answers) {
      expect([200, 201, 204, 403, 404, 409, 429, 503], `${a.what}: ${a.status} ${a.body.slice(0, 300)}`).toContain(a.status);
      expect(a.body, a.what).not.toMatch(LEAK);
      if (a.status === 503) expect(a.retryAfter).toBe("30");
    }
    for (const a of outage) expect(a.ms, `${a.what} during the outage`).toBeLessThan(ANSWER_WITHIN_MS);
  } finally {
    running.value = false;
    await loops;
    await french.close();
    await german.close();
  }

  // The job queue (pg-boss, started by the server) lived through the outage: a run of an every-minute job
  // that its schedule created after PostgreSQL came back was handed to a worker and completed.
  await expect
    .poll(
      async () =>
        (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'tender-extracts' AND state = 'completed' AND created_on > '${restartedAt}'`))[0].n,
      { timeout: 150_000, intervals: [5_000] },
    )
    .toBeGreaterThan(0);

  // Top-ups went through before and after the outage: the sandbox credited the balance.
  const [{ topups }] = await sql<{ topups: number }>(`SELECT count(*)::int AS topups FROM "PrepaidEntry" WHERE "orgId" = '${world.orgId}' AND kind = 'TOPUP'`);
  expect(topups).toBeGreaterThan(0);

  // Invariants over the whole database.
  expect(await sql(`SELECT o.id FROM "Organization" o WHERE NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."orgId" = o.id AND m.role = 'LEGAL_REPRESENTATIVE')`), "ORG-3: an Organization without a legal representative").toEqual([]);
  expect(await sql(`SELECT "orgId", count(*) FILTER (WHERE "isDefault") AS defaults FROM "BillingAddress" GROUP BY "orgId" HAVING count(*) FILTER (WHERE "isDefault") <> 1`), "ORG-7: not exactly one default billing address").toEqual([]);
  expect(await sql(`SELECT "orgId", currency, sum("amountMinor") AS balance FROM "PrepaidEntry" GROUP BY "orgId", currency HAVING sum("amountMinor") < 0`), "BIL-6: a prepaid balance below zero").toEqual([]);
  // This Organization only tops up: its balance (the sum of its ledger) is what its succeeded top-ups paid, each credited once.
  expect(
    await sql(`SELECT p.id FROM "Payment" p WHERE p."orgId" = '${world.orgId}' AND p.status = 'SUCCEEDED' AND (SELECT count(*) FROM "PrepaidEntry" e WHERE e."paymentId" = p.id AND e.kind = 'TOPUP' AND e."amountMinor" = p."amountMinor") <> 1`),
    "BIL-6: a succeeded top-up not credited exactly once",
  ).toEqual([]);
  const [ledger] = await sql<{ balance: number; paid: number }>(
    `SELECT (SELECT coalesce(sum("amountMinor"), 0)::int FROM "PrepaidEntry" WHERE "orgId" = '${world.orgId}') AS balance,
            (SELECT coalesce(sum("amountMinor"), 0)::int FROM "Payment" WHERE "orgId" = '${world.orgId}' AND status = 'SUCCEEDED') AS paid`,
  );
  expect(ledger.balance).toBe(ledger.paid);
  expect(
    await sql(`SELECT pt."productId" FROM "ProductTag" pt JOIN "Product" p ON p.id = pt."productId" JOIN "Tag" t ON t.id = pt."tagId" WHERE p."orgId" <> t."orgId" OR pt."productName" <> p.name OR pt."productStatus" <> p.status`),
    "TAG-2: a tag link that does not match its product",
  ).toEqual([]);
  const [tagged] = await sql<{ links: number; listed: number }>(
    `SELECT (SELECT count(*)::int FROM "ProductTag" pt JOIN "Tag" t ON t.id = pt."tagId" WHERE t."orgId" = '${world.orgId}') AS links,
            (SELECT coalesce(sum(n), 0)::int FROM (SELECT count(*) AS n FROM "ProductTag" pt JOIN "Product" p ON p.id = pt."productId" WHERE p."orgId" = '${world.orgId}' GROUP BY pt."tagId") x) AS listed`,
  );
  expect(tagged.links).toBe(tagged.listed);
});
