import { expect, test, type APIResponse } from "@playwright/test";
import { createDb } from "@/lib/db";
import { createOrganization, createUser } from "../../factories";
import { createRawApiToken } from "../../factories/api-tokens";
import { runtime, signIn, signOut, sql } from "../support/helpers";

/**
 * The end-to-end suite runs `MANAGER_INSTANCES=2` (playwright.config.ts): two web servers on one database
 * behind the round-robin proxy, which names the instance that answered in `x-manager-instance` (a
 * test-only setting). Other tests run alongside, so requests are not assumed to alternate strictly: each
 * check only needs both instances among a run of consecutive requests.
 */
const PASSWORD = "two-instances-password-2026";
const instanceOf = (res: APIResponse) => res.headers()["x-manager-instance"];

async function personWithOrganization() {
  const db = createDb(runtime().databaseUrl);
  try {
    const user = await createUser(db, { password: PASSWORD });
    const org = await createOrganization(db, { legalRepresentativeId: user.id });
    return { user, org, token: await createRawApiToken(db, { userId: user.id, orgIds: [org.id], scopes: ["accounts:read"] }) };
  } finally {
    await db.$disconnect();
  }
}

test("[ACC-5] one session works on both instances, and signing out on one ends it on both", async ({ page, playwright, baseURL }) => {
  const { user } = await personWithOrganization();
  await signIn(page, user.email, PASSWORD);

  const signedIn = new Set<string>();
  for (let i = 0; i < 10; i++) {
    const res = await page.request.get("/account/security", { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain(user.lastName);
    signedIn.add(instanceOf(res));
  }
  expect([...signedIn].sort()).toEqual(["0", "1"]);

  // The session's cookie, kept aside: after signing out it must be refused by both instances, not only forgotten by the browser.
  const cookies = await page.context().cookies();
  await signOut(page);
  const replay = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } });
  const signedOut = new Set<string>();
  for (let i = 0; i < 6; i++) {
    const res = await replay.get("/account/security", { maxRedirects: 0 });
    expect(res.status()).toBeGreaterThanOrEqual(300);
    expect(res.status()).toBeLessThan(400);
    expect(res.headers()["location"]).toMatch(/\/sign-in/);
    signedOut.add(instanceOf(res));
  }
  expect([...signedOut].sort()).toEqual(["0", "1"]);
  await replay.dispose();
});

test("[API-5] 60 requests a minute per token across both instances: the 61st is refused whichever instance gets it", async ({ request }) => {
  const { token } = await personWithOrganization();
  const headers = { Authorization: `Bearer ${token}` };

  const allowed: APIResponse[] = [];
  for (let i = 0; i < 60; i++) allowed.push(await request.get("/api/1/accounts", { headers }));
  expect(allowed.map((r) => r.status())).toEqual(Array(60).fill(200));
  // One counter for both instances: the remaining count goes down by one per request, whoever served it.
  expect(allowed.map((r) => Number(r.headers()["x-ratelimit-remaining"]))).toEqual(Array.from({ length: 60 }, (_, i) => 59 - i));
  expect(new Set(allowed.map(instanceOf))).toEqual(new Set(["0", "1"]));

  // The 61st and the next ones are refused, until both instances have refused one.
  const refusedBy = new Set<string>();
  for (let i = 0; i < 10 && refusedBy.size < 2; i++) {
    const res = await request.get("/api/1/accounts", { headers });
    expect(res.status()).toBe(429);
    expect(await res.json()).toMatchObject({ result: "error", error: { code: "rate_limited" } });
    expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
    refusedBy.add(instanceOf(res));
  }
  expect([...refusedBy].sort()).toEqual(["0", "1"]);
});

test("[TND-2] [IDV-4] with both instances on one queue, each every-minute job runs once per cron slot", async () => {
  test.setTimeout(150_000);
  const EVERY_MINUTE = ["password-reset-mails", "tender-extracts", "blocked-orders", "payment-refunds"];
  type Count = { name: string; slots: number; runs: number };
  // A slot is handed from the scheduler to the queue once (`__pgboss__send-it`, one row per job and minute); a
  // job per instance and slot would show as more runs than slots.
  const counts = () =>
    sql<Count>(
      `WITH rows AS (SELECT name, singleton_key, singleton_on FROM pgboss.job UNION ALL SELECT name, singleton_key, singleton_on FROM pgboss.archive)
       SELECT q.name,
              (SELECT count(DISTINCT singleton_on) FROM rows WHERE name = '__pgboss__send-it' AND singleton_key = q.name)::int AS slots,
              (SELECT count(*) FROM rows WHERE name = q.name)::int AS runs
       FROM unnest($1::text[]) AS q(name) ORDER BY q.name`,
      [EVERY_MINUTE],
    );
  // Wait until every job has had a slot (the schedulers check every 30 s), then compare.
  await expect.poll(async () => (await counts()).every((c) => c.runs >= 1), { timeout: 120_000, intervals: [2_000] }).toBe(true);
  for (const c of await counts()) {
    expect(c.runs, c.name).toBeGreaterThanOrEqual(1);
    expect(c.runs, c.name).toBeLessThanOrEqual(c.slots);
  }
});
