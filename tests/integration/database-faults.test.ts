import net from "node:net";
import { afterAll, describe, expect, test, vi } from "vitest";
import { createDb, getDb, poolSettings } from "@/lib/db";
import { DATABASE_UNAVAILABLE_DIGEST, isDatabaseUnavailable } from "@/lib/errors";
import { mapError, UNAVAILABLE_RETRY_SECONDS } from "@/lib/http/map-error";
import { databaseUnavailableNow, requestFaults } from "@/lib/http/request-faults";

vi.mock("server-only", () => ({}));

const opened: { $disconnect: () => Promise<void> }[] = [];
afterAll(async () => {
  for (const db of opened) await db.$disconnect();
});

/** How long `run` took to settle, and what it threw. */
async function timed(run: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  let error: unknown = null;
  try {
    await run();
  } catch (err) {
    error = err;
  }
  return { ms: performance.now() - started, error };
}

/** What any entry point answers for `error`: 503 "try again in a moment", with Retry-After. */
function expectTryAgain(error: unknown) {
  expect(error).toMatchObject({ digest: DATABASE_UNAVAILABLE_DIGEST });
  const mapped = mapError(error);
  expect(mapped).toMatchObject({ status: 503, code: "unavailable", key: "errors.unavailable", headers: { "Retry-After": String(UNAVAILABLE_RETRY_SECONDS) } });
}

describe("database faults: no statement and no request waits for ever (SEC-5)", () => {
  test("[SEC-5] every connection carries the statement timeout, 15 s by default, configurable", async () => {
    const [row] = await getDb().$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
    expect(row.statement_timeout).toBe("15s");
    vi.stubEnv("DATABASE_STATEMENT_TIMEOUT_MS", "2500");
    vi.stubEnv("DATABASE_POOL_SIZE", "7");
    vi.stubEnv("DATABASE_CONNECT_TIMEOUT_MS", "1200");
    try {
      expect(poolSettings()).toMatchObject({ max: 7, connectionTimeoutMillis: 1200, options: expect.stringContaining("-c statement_timeout=2500") });
      vi.stubEnv("DATABASE_POOL_SIZE", "many");
      expect(() => poolSettings()).toThrow(/DATABASE_POOL_SIZE/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  test("[SEC-5] a statement past the timeout is cancelled and answers 503 'try again', and its connection serves the next query", async () => {
    const db = createDb(process.env.DATABASE_URL!, { statementTimeoutMs: 300, poolSize: 1 });
    opened.push(db);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const slow = await timed(() => db.$queryRaw`SELECT pg_sleep(5)`);
      expect(slow.ms).toBeLessThan(3000);
      expectTryAgain(slow.error);
      expect(JSON.stringify(mapError(slow.error))).not.toMatch(/pg_sleep|57014|canceling/);
      // Inside a transaction too: the whole transaction fails, nothing half-written.
      const inTransaction = await timed(() => db.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(5)`));
      expectTryAgain(inTransaction.error);
      // The pool's only connection was given back: the next query is answered.
      const [row] = await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`;
      expect(row.one).toBe(1);
    } finally {
      log.mockRestore();
    }
  });

  test("[SEC-5] a database that accepts the connection but never answers fails within the connect timeout, as 'try again'", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const db = createDb(`postgresql://manager:manager@127.0.0.1:${port}/manager`, { connectTimeoutMs: 500 });
    opened.push(db);
    try {
      const attempt = await timed(() => db.user.count());
      expect(attempt.ms).toBeLessThan(4000);
      expectTryAgain(attempt.error);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  test("[SEC-5] a request waiting for a connection of a busy pool gives up after the connect timeout", async () => {
    const db = createDb(process.env.DATABASE_URL!, { poolSize: 1, connectTimeoutMs: 1500, statementTimeoutMs: 10_000 });
    opened.push(db);
    await db.$queryRaw`SELECT 1`; // the pool's only connection, opened
    // A Prisma query runs once it is awaited: `then` starts it; the pool's only connection is busy once it sleeps.
    const busy = db.$queryRaw`SELECT pg_sleep(6)::text AS busy_pool_probe`.then(() => null);
    await expect
      .poll(async () => (await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%busy_pool_probe%' AND state = 'active' AND pid <> pg_backend_pid()`)[0].n)
      .toBe(1);
    const waiting = await timed(() => db.user.count());
    expect(waiting.ms).toBeLessThan(5000);
    expectTryAgain(waiting.error);
    await busy;
  });

  test("[SEC-5] a pooled connection the stopped server closed, used once more ('not queryable'), is 'try again', not a 500", () => {
    const err = Object.assign(new Error("Client has encountered a connection error and is not queryable"), { clientVersion: "7.10.1" });
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(mapError(err)).toMatchObject({ status: 503, code: "unavailable" });
  });

  test("[SEC-5] a transaction waits for a connection of a busy pool as long as a query would (the connect timeout), not Prisma's 2 s", async () => {
    const db = createDb(process.env.DATABASE_URL!, { poolSize: 1, connectTimeoutMs: 8000, statementTimeoutMs: 10_000 });
    opened.push(db);
    await db.$queryRaw`SELECT 1`;
    const busy = db.$queryRaw`SELECT pg_sleep(3)::text AS busy_wait_probe`.then(() => null);
    await expect
      .poll(async () => (await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%busy_wait_probe%' AND state = 'active' AND pid <> pg_backend_pid()`)[0].n)
      .toBe(1);
    // Started while the only connection sleeps for 3 s: served once it is free.
    await expect(db.$transaction(async (tx) => tx.user.count())).resolves.toEqual(expect.any(Number));
    await busy;
  });

  test("[SEC-5] a transaction that cannot get a connection of a busy pool in time (P2028) is 'try again', not a 500", async () => {
    const db = createDb(process.env.DATABASE_URL!, { poolSize: 1, connectTimeoutMs: 5000, statementTimeoutMs: 10_000 });
    opened.push(db);
    await db.$queryRaw`SELECT 1`;
    const busy = db.$queryRaw`SELECT pg_sleep(3)::text AS busy_tx_probe`.then(() => null);
    await expect
      .poll(async () => (await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%busy_tx_probe%' AND state = 'active' AND pid <> pg_backend_pid()`)[0].n)
      .toBe(1);
    const waiting = await timed(() => db.$transaction(async (tx) => tx.user.count(), { maxWait: 300 }));
    expect(waiting.error).toMatchObject({ code: "P2028" });
    expectTryAgain(waiting.error);
    await busy;
  });

  test("[SEC-5] the request that met the outage is flagged for the web server, which answers its page with 503", async () => {
    const unreachable = createDb("postgresql://manager@127.0.0.1:1/manager");
    opened.push(unreachable);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const seen = await requestFaults.run({ databaseUnavailable: false }, async () => {
        await unreachable.user.count().catch(() => {});
        return databaseUnavailableNow();
      });
      expect(seen).toBe(true);
      // Outside that request, another client's failure is not the application's outage.
      await unreachable.user.count().catch(() => {});
      expect(databaseUnavailableNow()).toBe(false);
      // The next query that is answered clears the process-wide flag.
      await getDb().user.count();
      expect(requestFaults.run({ databaseUnavailable: false }, () => databaseUnavailableNow())).toBe(false);
    } finally {
      log.mockRestore();
    }
  });
});
