import { createServer, request as httpRequest, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { setTimeout as tick } from "node:timers/promises";
import { afterEach, describe, expect, test, vi } from "vitest";
import { getDb } from "@/lib/db";
import { clientAddress, parseTrustedProxies, stampClientAddress } from "@/lib/http/client-address";
import { createRoundRobinProxy, INSTANCE_HEADER } from "@/lib/http/round-robin-proxy";
import { JOBS, type JobDefinition } from "@/lib/jobs/definitions";
import { startJobRunner, type JobRunner } from "@/lib/jobs/runner";

/**
 * Several web servers on one database (`MANAGER_INSTANCES=N npm start`): the round-robin proxy in front of
 * them, and the job queue every instance runs. The end-to-end proof through the real servers is
 * tests/e2e/reliability/two-instances.spec.ts.
 */
const servers: Server[] = [];
const runners: JobRunner[] = [];

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

/** An instance as `npm start` runs it behind the proxy: it stamps the address with TRUSTED_PROXIES=1 (scripts/server.ts). */
function instance(name: string): Promise<number> {
  const trusted = parseTrustedProxies("1");
  return listen(
    createServer((req, res) => {
      stampClientAddress(req, trusted);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ instance: name, address: clientAddress(req.headers as Record<string, unknown>) }));
    }),
  );
}

type Answer = { status: number; header: string | undefined; retryAfter: string | undefined; body: string };

function get(port: number, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, header: res.headers[INSTANCE_HEADER] as string | undefined, retryAfter: res.headers["retry-after"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const json = (a: Answer) => JSON.parse(a.body) as { instance: string; address: string | null };

describe("the round-robin proxy", () => {
  test("[SEC-1] requests alternate between the instances, each of which sees the connection's address, never a client-sent X-Forwarded-For", async () => {
    const targets = [`http://127.0.0.1:${await instance("a")}`, `http://127.0.0.1:${await instance("b")}`];
    const port = await listen(createRoundRobinProxy({ targets, trusted: parseTrustedProxies(undefined), instanceHeader: true }));

    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await get(port, { "x-forwarded-for": `203.0.113.${i + 1}`, "x-real-ip": "198.51.100.7" }));
    expect(answers.map((a) => json(a).instance)).toEqual(["a", "b", "a", "b"]);
    expect(answers.map((a) => a.header)).toEqual(["0", "1", "0", "1"]);
    expect(answers.map((a) => json(a).address)).toEqual(Array(4).fill("127.0.0.1"));
  });

  test("[SEC-1] behind the operator's own load balancer, the proxy applies TRUSTED_PROXIES and forwards only the client it resolved", async () => {
    const targets = [`http://127.0.0.1:${await instance("a")}`, `http://127.0.0.1:${await instance("b")}`];
    const port = await listen(createRoundRobinProxy({ targets, trusted: parseTrustedProxies("1") }));

    // One trusted hop: its last entry is the client; what the client put before it is not believed.
    const first = await get(port, { "x-forwarded-for": "198.51.100.1, 203.0.113.9" });
    const second = await get(port, { "x-forwarded-for": "198.51.100.1, 203.0.113.9" });
    expect([json(first), json(second)]).toEqual([
      { instance: "a", address: "203.0.113.9" },
      { instance: "b", address: "203.0.113.9" },
    ]);
    // Without the test-only setting, no response says which instance answered.
    expect(first.header).toBeUndefined();
  });

  test("[SEC-5] an instance that does not answer gives a 502 with Retry-After, and the others keep serving", async () => {
    const up = await instance("a");
    const closed = createServer();
    const down = await listen(closed);
    await new Promise((r) => closed.close(r));
    servers.splice(servers.indexOf(closed), 1);
    const port = await listen(createRoundRobinProxy({ targets: [`http://127.0.0.1:${up}`, `http://127.0.0.1:${down}`], trusted: parseTrustedProxies(undefined), instanceHeader: true }));

    const ok = await get(port);
    const failed = await get(port);
    expect(ok.status).toBe(200);
    expect(failed.status).toBe(502);
    expect(failed.retryAfter).toBe("5");
    expect(failed.body).not.toMatch(/ECONNREFUSED|at .*\.js/);
    expect((await get(port)).status).toBe(200);
  });
});

type SchedulerSelf = {
  stopped: boolean;
  clockSkew: number;
  getSchedules(): Promise<unknown[]>;
  shouldSendIt(cron: string, tz: string): boolean;
  manager: { insert(jobs: object[]): Promise<unknown> };
};
/** pg-boss's scheduler (its timekeeper): what every instance runs every 30 s to turn due cron slots into jobs. */
const Timekeeper = createRequire(import.meta.url)("pg-boss/src/timekeeper.js") as {
  prototype: { cron(this: SchedulerSelf): Promise<void>; shouldSendIt(cron: string, tz: string): boolean };
};

/** One pass of an instance's scheduler, pg-boss's own code, on that instance's connection to the queue. */
function schedulerPass(r: JobRunner): Promise<void> {
  return Timekeeper.prototype.cron.call({
    stopped: false,
    clockSkew: 0,
    getSchedules: () => r.boss.getSchedules(),
    shouldSendIt: Timekeeper.prototype.shouldSendIt,
    manager: { insert: (jobs) => r.boss.insert(jobs as Parameters<typeof r.boss.insert>[0]) },
  });
}

type QueueRow = { name: string; state: string };
/** Every job of the queue `name` and every scheduler hand-off (`__pgboss__send-it`) for it, archived or not. */
async function queueRows(name: string): Promise<QueueRow[]> {
  return getDb().$queryRawUnsafe<QueueRow[]>(
    `SELECT name, state::text AS state FROM pgboss.job WHERE name = $1 OR (name = '__pgboss__send-it' AND singleton_key = $1)
     UNION ALL SELECT name, state::text FROM pgboss.archive WHERE name = $1 OR (name = '__pgboss__send-it' AND singleton_key = $1)`,
    name,
  );
}

const DONE = ["completed", "failed", "cancelled"];

describe("scheduled jobs with two instances", () => {
  test("[TOK-3] [BIL-1] instances starting at once on an empty database all start: the queue setup is taken in turn", async () => {
    const schema = `pgboss_start_${process.pid}_${Date.now()}`;
    try {
      const start = () => startJobRunner({ connectionString: process.env.DATABASE_URL!, db: getDb(), jobs: JOBS, schedule: true, schema });
      const started = await Promise.allSettled([start(), start(), start()]);
      for (const s of started) if (s.status === "fulfilled") runners.push(s.value);
      expect(started.map((s) => (s.status === "rejected" ? String(s.reason) : "started"))).toEqual(["started", "started", "started"]);
      const [{ queues }] = await getDb().$queryRawUnsafe<{ queues: number }[]>(`SELECT count(*)::int AS queues FROM "${schema}".queue WHERE name NOT LIKE '\\_\\_pgboss%'`);
      expect(queues).toBe(JOBS.length);
    } finally {
      await Promise.all(runners.splice(0).map((r) => r.stop()));
      await getDb().$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });

  test("[TOK-3] [BIL-1] a cron slot that both instances' schedulers fire, twice each, runs once", async () => {
    let runs = 0;
    const daily: JobDefinition = { name: "slot-once", cron: "0 4 * * *", description: "test", run: async () => ({ runs: ++runs }) };
    const start = () => startJobRunner({ connectionString: process.env.DATABASE_URL!, db: getDb(), jobs: [daily], schedule: true });
    const [a, b] = await Promise.all([start(), start()]);
    runners.push(a, b);
    expect((await a.boss.getSchedules()).filter((s) => s.name === "slot-once")).toHaveLength(1);

    // pg-boss keys a slot by the database's minute: stay clear of a minute's end, so all four passes share one.
    for (let deadline = Date.now() + 10_000; ; await tick(100)) {
      const [{ second }] = await getDb().$queryRawUnsafe<{ second: number }[]>(`SELECT extract(second FROM now())::float AS second`);
      if (second < 55 || Date.now() > deadline) break;
    }
    // The schedulers' clock: ten seconds into the 04:00 slot, on both instances.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-05-04T04:00:10Z") });
    await Promise.all([schedulerPass(a), schedulerPass(b)]);
    await Promise.all([schedulerPass(b), schedulerPass(a)]);
    vi.useRealTimers();

    // Wait for the queue to settle (a state, not a delay): every hand-off done, every job it queued finished.
    const deadline = Date.now() + 30_000;
    let rows = await queueRows("slot-once");
    while (!(rows.some((r) => r.name === "slot-once") && rows.every((r) => DONE.includes(r.state)))) {
      if (Date.now() > deadline) throw new Error(`queue not settled: ${JSON.stringify(rows)}`);
      await tick(100);
      rows = await queueRows("slot-once");
    }
    expect(rows.filter((r) => r.name === "__pgboss__send-it")).toEqual([{ name: "__pgboss__send-it", state: "completed" }]);
    expect(rows.filter((r) => r.name === "slot-once")).toEqual([{ name: "slot-once", state: "completed" }]);
    expect(runs).toBe(1);
  });
});
