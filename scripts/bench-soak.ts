/**
 * The soak section of `npm run bench -- --soak` (imported by bench.ts, run from its copy of the project).
 *
 * The load section's database (scripts/bench-load.ts: one Organization with 1,000 tags and 100,000
 * products) gets 9 more members — 4 administrators and 5 users, the users in the team holding every 100th
 * product — so that 10 people of three roles share it. 50 virtual users, each with its own console
 * session (5 per person) and its own API tokens, then run for `--soak-minutes` (10 by default) in a closed
 * loop without pause: each sends its next request as soon as the last one answered, cycling over a mix of
 * console pages and REST calls that its role may see:
 *   pages  dashboard, products filtered by a tag, a product's page, members, and (administrators and the
 *          legal representative) invoices, payments, activity
 *   API    products (list, one product), tags, members, and (administrators and the legal
 *          representative) invoices
 * Any answer other than 2xx (a redirect means a lost session) or a failed request is an error: their status
 * codes and first bodies are printed. Each minute gets a row with its request count, errors, p50/p99 of
 * pages and API calls, and the server's memory at the end of the minute: the resident set of its
 * processes (/proc/<pid>/status) and the V8 heap after a full garbage collection, read from
 * /bench-memory, a route that exists only in the benchmark's copy (the server runs with --expose-gc).
 *
 * The API allows 60 requests per minute per token: each virtual user rotates over its own tokens, enough
 * that none comes near the limit at the rates a closed loop on 2 cores reaches.
 */
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { displayPrefix, generateToken } from "../lib/api-tokens/token-format";
import { createSession, SESSION_MAX_AGE_SECONDS } from "../lib/auth/sessions";
import { createDb } from "../lib/db";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/dev/embedded-postgres";
import { ensureDatabase } from "../lib/dev/local-env";
import { deployMigrations } from "../lib/dev/migrate";
import type { Role } from "../lib/generated/prisma/enums";
import { hashSecret, randomSecret } from "../lib/security/tokens";
import { addMember, createUser } from "../tests/factories";
import { insertProducts, lastServerOutput, PRODUCTS, seedBase, SESSION_COOKIE, startServer, waitUntilUp } from "./bench-load";

export type SoakOptions = {
  /** The project copy holding a production build (`.next`) and the memory route. */
  workDir: string;
  /** The route the copy was given that answers the server's memory (JSON). */
  memoryPath: string;
  /** Folder for this run's PostgreSQL; removed at the end. */
  dataDir: string;
  port: number;
  minutes: number;
  interrupted: () => boolean;
  onServer: (child: ChildProcess | null) => void;
  stopServer: (child: ChildProcess) => Promise<void>;
};

const VIRTUAL_USERS = 50;
const TOKENS_PER_VIRTUAL_USER = 10;
const FIRST_ERROR_BODIES = 5;
const MEMBERS: { role: Role; count: number }[] = [
  { role: "ADMINISTRATOR", count: 4 },
  { role: "USER", count: 5 },
];

type Kind = "page" | "api";
type Step = { kind: Kind; name: string; url: () => string };
type Person = { userId: string; role: Role };
type Sample = { minute: number; kind: Kind; ms: number; status: number };
type Memory = { rssMb: number; heapMb: number | null; pids: number[] };

const log = (m: string) => console.log(`bench: ${m}`);

export async function runSoakBench(opts: SoakOptions): Promise<void> {
  let postgres: RunningPostgres | null = null;
  let server: ChildProcess | null = null;
  let admin: pg.Client | null = null;
  try {
    log(`soak: embedded PostgreSQL in ${opts.dataDir}…`);
    rmSync(opts.dataDir, { recursive: true, force: true });
    postgres = await startEmbeddedPostgres({ dataDir: path.join(opts.dataDir, "postgres"), persistent: false, quiet: true });
    await ensureDatabase(postgres.adminUrl, "manager");
    const databaseUrl = postgres.urlFor("manager");
    await deployMigrations(databaseUrl, { projectRoot: opts.workDir });
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    const sql = admin;

    const t0 = performance.now();
    const seed = await seedBase(databaseUrl, sql);
    await insertProducts(sql, seed.orgId, 1, PRODUCTS);
    await sql.query(`VACUUM ANALYZE "Product", "ProductTag", "Tag", "ProductAccess"`);
    const people = await addPeople(databaseUrl, sql, seed.orgId, seed.userId);
    log(`soak: seeded ${PRODUCTS.toLocaleString("en")} products, ${people.length} people (${roleCounts(people)}) (${sec(t0)})`);

    const secret = randomSecret();
    server = startServer(opts, databaseUrl, secret, ["--expose-gc"]);
    opts.onServer(server);
    const serverErrors = collectErrorLines(server);
    const base = `http://127.0.0.1:${opts.port}`;
    await waitUntilUp(`${base}/api/health`, server, opts);

    const users = await virtualUsers(databaseUrl, sql, secret, people, seed.orgId, seed.filterTagId, base);
    log(`soak: ${users.length} virtual users, each with its own session and ${TOKENS_PER_VIRTUAL_USER} API tokens; warming up every request once…`);
    // Every step of every role once: loads the routes' code and proves the setup (a non-2xx here is the benchmark's fault).
    for (const user of users.slice(0, people.length)) {
      for (const step of user.steps) {
        // A 5xx under other load (a pool wait running out) is retried: the setup is wrong only if it persists.
        let res = await send(user, step);
        for (let retry = 0; retry < 3 && res.status >= 500; retry++) res = await send(user, step);
        if (res.status < 200 || res.status > 299) throw new Error(`${step.name} (${user.role}) answered ${res.status}: the benchmark's setup is wrong\n${res.body}\n--- server output ---\n${lastServerOutput()}`);
      }
    }

    const memoryStart = await memory(base, opts.memoryPath, server.pid!);
    log(`soak: memory at start: ${fmtMemory(memoryStart)}; running ${opts.minutes} min with ${users.length} virtual users…`);
    const samples: Sample[] = [];
    const errors = new Map<number, { count: number; bodies: string[] }>();
    const memoryByMinute: Memory[] = [];
    const started = performance.now();
    const end = started + opts.minutes * 60_000;
    const minuteOf = (t: number) => Math.min(opts.minutes - 1, Math.floor((t - started) / 60_000));

    const loops = users.map(async (user, i) => {
      let n = i; // each starts at a different step, so the mix is spread from the first second
      while (performance.now() < end && !opts.interrupted()) {
        const step = user.steps[n++ % user.steps.length];
        const t = performance.now();
        const res = await send(user, step);
        samples.push({ minute: minuteOf(t), kind: step.kind, ms: performance.now() - t, status: res.status });
        if (res.status < 200 || res.status > 299) {
          const e = errors.get(res.status) ?? { count: 0, bodies: [] };
          e.count++;
          if (e.bodies.length < FIRST_ERROR_BODIES) e.bodies.push(`${step.name} (${user.role}): ${res.body.slice(0, 300).replace(/\s+/g, " ")}`);
          errors.set(res.status, e);
        }
      }
    });
    const sampler = (async () => {
      for (let m = 1; m <= opts.minutes; m++) {
        while (performance.now() < started + m * 60_000) {
          if (opts.interrupted()) return;
          await new Promise((r) => setTimeout(r, 250));
        }
        memoryByMinute.push(await memory(base, opts.memoryPath, server!.pid!));
        log(`soak: minute ${m}/${opts.minutes}: ${samples.filter((s) => s.minute === m - 1).length} requests, ${fmtMemory(memoryByMinute.at(-1)!)}`);
      }
    })();
    await Promise.all([...loops, sampler]);
    if (opts.interrupted()) throw new Error("interrupted");
    const memoryEnd = await memory(base, opts.memoryPath, server.pid!);
    report(samples, errors, memoryStart, memoryByMinute, memoryEnd, opts);
    if (serverErrors.size) {
      console.log("  the server's error lines (numbers and ids replaced by #), most frequent first:");
      for (const [line, n] of [...serverErrors].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`    ${String(n).padStart(5)} × ${line}`);
      console.log("");
    }
  } finally {
    if (server) await opts.stopServer(server);
    opts.onServer(null);
    await admin?.end().catch(() => {});
    await postgres?.stop().catch(() => {});
  }
}

/** Distinct error lines the server prints, counted (ids and numbers masked so repeats group together). */
function collectErrorLines(server: ChildProcess): Map<string, number> {
  const seen = new Map<string, number>();
  let rest = "";
  const onData = (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      if (!/error|⨯|timed out|timeout/i.test(line)) continue;
      const key = line.trim().replace(/[0-9a-f]{8,}|\d+/gi, "#").slice(0, 200);
      if (seen.size < 200 || seen.has(key)) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  };
  server.stdout!.on("data", onData);
  server.stderr!.on("data", onData);
  return seen;
}

/** The legal representative from seedBase and the other members, the users in the team of every 100th product. */
async function addPeople(databaseUrl: string, sql: pg.Client, orgId: string, legalRepresentativeId: string): Promise<Person[]> {
  const db = createDb(databaseUrl);
  const people: Person[] = [{ userId: legalRepresentativeId, role: "LEGAL_REPRESENTATIVE" }];
  try {
    for (const { role, count } of MEMBERS) {
      for (let i = 1; i <= count; i++) {
        const user = await createUser(db, { email: `soak-${role.toLowerCase()}-${i}@example.test`, firstName: "Soak", lastName: `${role} ${i}` });
        const membership = await addMember(db, orgId, user.id, role);
        if (role === "USER") await sql.query(`INSERT INTO "TeamMember" ("teamId", "membershipId") VALUES ('bench-team', $1)`, [membership.id]);
        people.push({ userId: user.id, role });
      }
    }
  } finally {
    await db.$disconnect();
  }
  return people;
}

type VirtualUser = { role: Role; cookie: string; tokens: string[]; tokenIndex: number; steps: Step[] };

async function virtualUsers(databaseUrl: string, sql: pg.Client, secret: string, people: Person[], orgId: string, filterTagId: string, base: string): Promise<VirtualUser[]> {
  const db = createDb(databaseUrl);
  const out: VirtualUser[] = [];
  try {
    for (let i = 0; i < VIRTUAL_USERS; i++) {
      const person = people[i % people.length];
      const { secret: sid } = await createSession(db, { userId: person.userId, ip: `127.0.0.${1 + (i % 250)}`, userAgent: `soak ${i}`, twoFactorPassed: true });
      const cookie = `${SESSION_COOKIE}=${await encode({ token: { sub: person.userId, sid }, secret, maxAge: SESSION_MAX_AGE_SECONDS })}`;
      const billing = person.role !== "USER";
      const scopes = ["products:read", "tags:read", "users:read", ...(billing ? ["invoices:read"] : [])];
      const tokens = Array.from({ length: TOKENS_PER_VIRTUAL_USER }, generateToken);
      // As createApiToken stores them (SHA-256 and display prefix), restricted to the Organization.
      await sql.query(
        `WITH t AS (INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", "displayPrefix", scopes)
                    SELECT 'soak-' || $5::int || '-' || i, $1, 'soak ' || $5::int || '-' || i, h, p, $4::text[]
                    FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(h, p, i) RETURNING id)
         INSERT INTO "ApiTokenOrganization" ("tokenId", "orgId") SELECT id, $6 FROM t`,
        [person.userId, tokens.map(hashSecret), tokens.map(displayPrefix), scopes, i, orgId],
      );
      out.push({ role: person.role, cookie, tokens, tokenIndex: 0, steps: steps(base, orgId, filterTagId, billing, i) });
    }
  } finally {
    await db.$disconnect();
  }
  return out;
}

/**
 * The mix of one virtual user: about 60 % pages, 40 % API calls. Administrators and the legal
 * representative see every product; users open those of their team (every 100th, from 2).
 */
function steps(base: string, orgId: string, filterTagId: string, billing: boolean, seed: number): Step[] {
  let k = seed * 7919;
  const product = () => {
    k = (k + 104_729) % PRODUCTS;
    const n = billing ? 1 + k : 2 + 100 * (k % (PRODUCTS / 100));
    return `bp${String(n).padStart(7, "0")}`;
  };
  const page = (name: string, p: () => string): Step => ({ kind: "page", name, url: () => `${base}/${orgId}${p()}` });
  const api = (name: string, p: () => string): Step => ({ kind: "api", name, url: () => `${base}/api/1/accounts/${orgId}${p()}` });
  const common: Step[] = [
    page("dashboard", () => "/dashboard"),
    api("API products", () => "/products?per_page=50"),
    page("products filtered", () => `/products?tagId=${filterTagId}`),
    api("API product", () => `/products/${product()}`),
    page("product", () => `/products/${product()}`),
    api("API tags", () => "/tags?per_page=50"),
    page("members", () => "/users"),
    api("API members", () => "/users"),
  ];
  if (!billing) return [...common, page("products", () => "/products"), page("product", () => `/products/${product()}`)];
  return [
    ...common,
    page("invoices", () => "/invoices"),
    api("API invoices", () => "/invoices"),
    page("payments", () => "/payments"),
    page("activity", () => "/activity"),
  ];
}

async function send(user: VirtualUser, step: Step): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = {};
  if (step.kind === "page") headers.cookie = user.cookie;
  else headers.authorization = `Bearer ${user.tokens[user.tokenIndex++ % user.tokens.length]}`;
  try {
    const res = await fetch(step.url(), { headers, redirect: "manual", signal: AbortSignal.timeout(60_000) });
    const body = await res.text();
    const location = res.headers.get("location");
    return { status: res.status, body: location ? `→ ${location} ${body}` : body };
  } catch (error) {
    return { status: 0, body: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Resident set of the server's process group (from /proc) and, from the copy's route, the heap after a GC. */
async function memory(base: string, memoryPath: string, groupId: number): Promise<Memory> {
  let rssKb = 0;
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp !== groupId) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      if (rss) {
        rssKb += Number(rss[1]);
        pids.push(Number(entry));
      }
    } catch {
      // the process ended meanwhile
    }
  }
  let heapMb: number | null = null;
  try {
    const res = await fetch(`${base}${memoryPath}`, { signal: AbortSignal.timeout(30_000) });
    if (res.ok) heapMb = ((await res.json()) as { heapUsed: number }).heapUsed / 2 ** 20;
  } catch {
    // reported as unknown
  }
  return { rssMb: rssKb / 1024, heapMb, pids };
}

function report(samples: Sample[], errors: Map<number, { count: number; bodies: string[] }>, start: Memory, byMinute: Memory[], end: Memory, opts: SoakOptions) {
  const pct = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] : NaN);
  const ms = (v: number) => (Number.isNaN(v) ? "–" : v.toFixed(0)).padStart(7);
  const mb = (v: number | null) => (v === null ? "?" : v.toFixed(0)).padStart(7);
  const row = (label: string, xs: Sample[], mem: Memory | undefined) => {
    const pages = xs.filter((s) => s.kind === "page").map((s) => s.ms).sort((a, b) => a - b);
    const api = xs.filter((s) => s.kind === "api").map((s) => s.ms).sort((a, b) => a - b);
    const all = xs.map((s) => s.ms).sort((a, b) => a - b);
    const failed = xs.filter((s) => s.status < 200 || s.status > 299).length;
    return `  ${label.padEnd(7)} ${String(xs.length).padStart(8)} ${(xs.length / 60).toFixed(1).padStart(6)} ${String(failed).padStart(6)} ${ms(pct(all, 0.5))} ${ms(pct(all, 0.99))} ${ms(pct(pages, 0.5))} ${ms(pct(pages, 0.99))} ${ms(pct(api, 0.5))} ${ms(pct(api, 0.99))} ${mem ? `${mb(mem.rssMb)} ${mb(mem.heapMb)}` : ""}`;
  };
  const total = samples.length;
  const failed = [...errors.values()].reduce((n, e) => n + e.count, 0);
  const lines = [
    "",
    `  soak at ${PRODUCTS.toLocaleString("en")} products: ${VIRTUAL_USERS} virtual users, ${opts.minutes} min, closed loop (no pause)`,
    `  ${"minute".padEnd(7)} ${"requests".padStart(8)} ${"req/s".padStart(6)} ${"errors".padStart(6)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"pages".padStart(7)} ${"p99".padStart(7)} ${"API".padStart(7)} ${"p99".padStart(7)} ${"RSS MB".padStart(7)} ${"heap MB".padStart(7)}`,
    `  ${"start".padEnd(7)} ${"".padStart(74)} ${mb(start.rssMb)} ${mb(start.heapMb)}`,
    ...Array.from({ length: opts.minutes }, (_, m) => row(String(m + 1), samples.filter((s) => s.minute === m), byMinute[m])),
    row("all", samples, end),
    "",
    `  (pages / API: p50 then p99; RSS of the server's ${end.pids.length} process(es); heap: V8 heap used after a full GC)`,
    `  memory: RSS ${start.rssMb.toFixed(0)} → ${end.rssMb.toFixed(0)} MB (${signed(end.rssMb - start.rssMb)} MB), heap ${start.heapMb?.toFixed(0) ?? "?"} → ${end.heapMb?.toFixed(0) ?? "?"} MB (${start.heapMb !== null && end.heapMb !== null ? signed(end.heapMb - start.heapMb) : "?"} MB)`,
    `  errors: ${failed} of ${total} requests (goal 0)${failed ? "" : "  ok"}`,
    ...[...errors.entries()].flatMap(([status, e]) => [`    status ${status || "no answer"}: ${e.count}`, ...e.bodies.map((b) => `      ${b}`)]),
    "",
  ];
  console.log(lines.join("\n"));
}

const signed = (v: number) => `${v >= 0 ? "+" : ""}${v.toFixed(0)}`;
const fmtMemory = (m: Memory) => `RSS ${m.rssMb.toFixed(0)} MB, heap after GC ${m.heapMb?.toFixed(0) ?? "?"} MB`;
const roleCounts = (people: Person[]) =>
  Object.entries(people.reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.role]: (acc[p.role] ?? 0) + 1 }), {}))
    .map(([r, n]) => `${n} ${r}`)
    .join(", ");
const sec = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
