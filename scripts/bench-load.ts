/**
 * The load section of `npm run bench` (imported by bench.ts, run from its copy of the project).
 *
 * An embedded PostgreSQL in its own data folder gets one Organization with 1,000 tags, a user (legal
 * representative), a signed-in console session and API tokens. With 10 products, then with 100,000
 * (inserted set-based, tags attached along a long-tail distribution), it counts the SQL statements one
 * request of each case runs; then autocannon measures latency and throughput at 100,000 products:
 *   (a) GET /bench-empty                      the empty dynamic route, the baseline: an empty page
 *                                             rendered per request (added to the benchmark's copy only)
 *   (a′) GET /api/health                      an empty route handler, shown for reference
 *   (l) GET /{org}/bench-console-empty        the empty page inside the console layout (session cookie),
 *                                             shown for reference: the floor of every console page
 *   (b) GET /{org}/products?tagId=…           the console page filtered by a tag (session cookie)
 *   (c) GET /api/1/accounts/{id}/products?per_page=50   REST list (bearer token)
 *   (d) PUT /api/1/accounts/{id}/products/{id}/tags/{tag}   REST tag attach, a new (product, tag) pair every time
 *   (p) GET /{org}/payments                   the payments page (BIL-2): products due in the next 2 months
 *                                             (≈3,000 of the 100,000), first page by expiry (session cookie)
 * and the pages that pick products (ORG-2/5/6) in an Organization of 10 products and in the one of
 * 100,000, requests alternating between the two so that other work on the machine hits both alike:
 * render time, HTML size and RSC payload size of (e) "Add a user", (f) a member's page (a USER holding
 * every 100th product directly) and (g) a team's page (holding every 100th product too).
 *
 * Statements are counted with pg_stat_statements (preloaded in this PostgreSQL only): requests are sent
 * one at a time and the server runs nothing else (no job runner), so the growth of the total `calls`
 * between two reads is what that request ran, whichever pool sent it (Prisma, rate limiter, next-auth).
 * Transaction control (BEGIN/COMMIT/ROLLBACK) is left out of the count.
 *
 * The API allows 60 requests per minute per token: (c) and (d) rotate over pools of tokens, sized so no
 * token comes near its limit, with `lastUsedAt` refreshed just before so no request pays the once-a-minute
 * write a token's first use does; every non-2xx answer (429 included) is reported.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { displayPrefix, generateToken } from "../lib/api-tokens/token-format";
import { createSession, SESSION_MAX_AGE_SECONDS } from "../lib/auth/sessions";
import { createDb } from "../lib/db";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/dev/embedded-postgres";
import { ensureDatabase } from "../lib/dev/local-env";
import { deployMigrations } from "../lib/dev/migrate";
import { hashSecret, randomSecret } from "../lib/security/tokens";
import { createOrganization, createPartner, createPartnership, createProductCategories, createUser } from "../tests/factories";
import { measureCpu, reportCpu, type CpuCase } from "./bench-cpu";

export type LoadOptions = {
  /** The project copy holding a production build (`.next`). */
  workDir: string;
  /** The empty dynamic page the copy was given (case a). */
  emptyPagePath: string;
  /** The empty page the copy was given inside the console layout, under /{org}/ (reference case l). */
  consoleEmptySegment: string;
  /** Folder for this run's PostgreSQL; removed at the end. */
  dataDir: string;
  port: number;
  durationSeconds: number;
  connections: number;
  interrupted: () => boolean;
  /** Lets the caller stop the server group on Ctrl-C or a crash. */
  onServer: (child: ChildProcess | null) => void;
  stopServer: (child: ChildProcess) => Promise<void>;
  /** Only the product-picker pages (e, f, g): no autocannon runs. */
  pagesOnly?: boolean;
  /** Only the server's CPU per request of the pages (scripts/bench-cpu.ts): no counts, no autocannon runs. */
  cpuOnly?: boolean;
};

export const PRODUCTS = 100_000;
const SMALL = 10;
const TAGS = 1_000;
/** Tag rank used by the page filter (b): rank 20 of the long tail is on ≈1.3 % of the products. */
const FILTER_TAG_RANK = 20;
/** The reseller area's clients (r): half with full access (every other one paid for by the partner), half limited to 3 of their 10 products. */
const PARTNER_CLIENTS = 40;
const TOKENS_PER_POOL = 1_500;
/** Requests a token may take in one case: under the 60/min limit with a margin. */
const PER_TOKEN = 50;
const WARMUP_SECONDS = 3;
const COUNT_SAMPLES = 5;
/** The targets: the pages (b), (p), (r) and the API (c), (d) within these multiples of (a); the console layout (l) within LAYOUT_TARGET. */
const TARGET = { p50: 2.5, p99: 3 };
const LAYOUT_TARGET = 1.3;
export const SESSION_COOKIE = "manager.session"; // lib/auth/options.ts (not importable outside Next.js)
const TOKEN_SCOPES = ["products:read", "tags:read", "tags:write"];

type CaseName = "a" | "h" | "l" | "b" | "c" | "d" | "p" | "r";
const CASES = ["a", "h", "l", "b", "c", "d", "p", "r"] as const;
/** The cases whose SQL statements are counted at both sizes. */
const COUNTED = ["b", "c", "d", "p", "r"] as const;
type Counted = (typeof COUNTED)[number];
const LABELS: Record<CaseName, string> = {
  a: "(a) empty dynamic page GET /bench-empty",
  h: "(a′) empty route handler GET /api/health",
  l: "(l) console layout around an empty page",
  b: "(b) products page filtered by a tag",
  c: "(c) GET /api/1/accounts/{id}/products?per_page=50",
  d: "(d) PUT /api/1/accounts/{id}/products/{id}/tags/{tagId}",
  p: "(p) payments page, due in the next 2 months",
  r: `(r) reseller area, ${PARTNER_CLIENTS} clients GET /reseller`,
};

type Measured = { p50: number; p99: number; rps: number; total: number; non2xx: number; errors: number; statuses: Record<string, number> };
type Counts = { median: number; min: number; max: number };

const log = (m: string) => console.log(`bench: ${m}`);

export async function runLoadBench(opts: LoadOptions): Promise<void> {
  let postgres: RunningPostgres | null = null;
  let server: ChildProcess | null = null;
  let admin: pg.Client | null = null;
  try {
    log(`load: embedded PostgreSQL in ${opts.dataDir}…`);
    rmSync(opts.dataDir, { recursive: true, force: true }); // always a fresh database
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(opts.dataDir, "postgres"),
      persistent: false,
      quiet: true,
      settings: { shared_preload_libraries: "pg_stat_statements", "pg_stat_statements.track": "top" },
    });
    await ensureDatabase(postgres.adminUrl, "manager");
    const databaseUrl = postgres.urlFor("manager");
    await deployMigrations(databaseUrl, { projectRoot: opts.workDir });
    admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    const sql = admin;

    const t0 = performance.now();
    const seed = await seedBase(databaseUrl, sql);
    await insertProducts(sql, seed.orgId, 1, SMALL);
    log(`load: seeded 1 Organization, ${TAGS} tags, ${SMALL} products, ${2 * TOKENS_PER_POOL + 1} API tokens, 1 session (${sec(t0)})`);

    const secret = randomSecret();
    server = startServer(opts, databaseUrl, secret);
    opts.onServer(server);
    const base = `http://127.0.0.1:${opts.port}`;
    await waitUntilUp(`${base}/api/health`, server, opts);
    const cookie = `${SESSION_COOKIE}=${await encode({ token: { sub: seed.userId, sid: seed.sessionSecret }, secret, maxAge: SESSION_MAX_AGE_SECONDS })}`;

    const pairs = new PairSource(sql, seed.orgId);
    const requests: Record<CaseName, () => Promise<Request>> = {
      a: async () => new Request(`${base}${opts.emptyPagePath}`),
      h: async () => new Request(`${base}/api/health`),
      l: async () => new Request(`${base}/${seed.orgId}/${opts.consoleEmptySegment}`, { headers: { cookie } }),
      b: async () => new Request(`${base}/${seed.orgId}/products?tagId=${seed.filterTagId}`, { headers: { cookie } }),
      c: async () => new Request(`${base}/api/1/accounts/${seed.orgId}/products?per_page=50`, { headers: { authorization: `Bearer ${seed.countToken}` } }),
      d: async () => {
        const [productId, tagId] = await pairs.next();
        return new Request(`${base}/api/1/accounts/${seed.orgId}/products/${productId}/tags/${tagId}`, { method: "PUT", headers: { authorization: `Bearer ${seed.countToken}` } });
      },
      p: async () => new Request(`${base}/${seed.orgId}/payments`, { headers: { cookie } }),
      r: async () => new Request(`${base}/reseller`, { headers: { cookie } }),
    };
    // First requests load the routes' code and open the pools: not what we count.
    for (const name of CASES) for (let i = 0; i < 3; i++) await send(await requests[name](), name);

    const pageRequests = {
      small: pickerPages(base, cookie, seed.small),
      sameContent: pickerPages(base, cookie, seed.few),
      large: pickerPages(base, cookie, seed),
    };
    for (const set of Object.values(pageRequests)) for (const r of Object.values(set)) for (let i = 0; i < 3; i++) await send(r(), "l");
    const countsSmall = opts.pagesOnly || opts.cpuOnly ? null : await countAll(sql, requests);
    if (countsSmall) log(`load: statements per request at ${SMALL} products: ${fmtCounts(countsSmall)}`);

    const t1 = performance.now();
    await insertProducts(sql, seed.orgId, SMALL + 1, PRODUCTS);
    // Vacuumed as well as analysed: autovacuum would otherwise work through the new rows during the runs.
    await sql.query(`VACUUM ANALYZE "Product", "ProductTag", "Tag"`);
    const stats = await sql.query<{ links: string; filtered: string; due: string }>(
      `SELECT (SELECT count(*) FROM "ProductTag") AS links, (SELECT count(*) FROM "ProductTag" WHERE "tagId" = $1) AS filtered,
              (SELECT count(*) FROM "Product" WHERE "orgId" = $2 AND status <> 'TERMINATED' AND "expiresAt" <= now() + interval '2 months') AS due`,
      [seed.filterTagId, seed.orgId],
    );
    log(`load: ${PRODUCTS.toLocaleString("en")} products, ${Number(stats.rows[0].links).toLocaleString("en")} tag links, filter tag on ${Number(stats.rows[0].filtered).toLocaleString("en")} products, ${Number(stats.rows[0].due).toLocaleString("en")} due in the next 2 months (${sec(t1)})`);

    // Server CPU per request, pages interleaved (scripts/bench-cpu.ts): where a page's time goes.
    if (!opts.pagesOnly) {
      const cpuCases: CpuCase[] = (["a", "l", "b", "p", "r"] as const).map((name) => {
        const path_ = { a: opts.emptyPagePath, l: `/${seed.orgId}/${opts.consoleEmptySegment}`, b: `/${seed.orgId}/products?tagId=${seed.filterTagId}`, p: `/${seed.orgId}/payments`, r: "/reseller" }[name];
        return { name, label: LABELS[name], url: `${base}${path_}`, headers: name === "a" ? {} : ({ cookie } as Record<string, string>) };
      });
      log("load: server CPU per request, pages interleaved…");
      console.log(reportCpu(await measureCpu(server.pid!, cpuCases, opts.interrupted)));
      if (opts.cpuOnly) return;
    }
    reportPages(await measurePages(sql, pageRequests));
    if (opts.pagesOnly || !countsSmall) return;
    const countsLarge = await countAll(sql, requests);
    log(`load: statements per request at ${PRODUCTS.toLocaleString("en")} products: ${fmtCounts(countsLarge)}`);

    // autocannon: (c) and (d) rotate over their own token pools; (d) over fresh (product, tag) pairs.
    const measured = {} as Record<CaseName, Measured>;
    const maxRequests = TOKENS_PER_POOL * PER_TOKEN;
    for (const name of CASES) {
      if (opts.interrupted()) throw new Error("interrupted");
      let setup: autocannon.Request["setupRequest"] | undefined;
      let path_ = "";
      let method: "GET" | "PUT" = "GET";
      const headers: Record<string, string> = {};
      if (name === "a") path_ = opts.emptyPagePath;
      if (name === "h") path_ = "/api/health";
      if (name === "l") {
        path_ = `/${seed.orgId}/${opts.consoleEmptySegment}`;
        headers.cookie = cookie;
      }
      if (name === "b") {
        path_ = `/${seed.orgId}/products?tagId=${seed.filterTagId}`;
        headers.cookie = cookie;
      }
      if (name === "p") {
        path_ = `/${seed.orgId}/payments`;
        headers.cookie = cookie;
      }
      if (name === "r") {
        path_ = "/reseller";
        headers.cookie = cookie;
      }
      if (name === "c" || name === "d") {
        const pool = name === "c" ? seed.readTokens : seed.writeTokens;
        await sql.query(`UPDATE "ApiToken" SET "lastUsedAt" = now() WHERE "tokenHash" = ANY($1)`, [pool.map(hashSecret)]);
        let i = 0;
        const pairList = name === "d" ? await pairs.take(maxRequests) : [];
        path_ = `/api/1/accounts/${seed.orgId}/products?per_page=50`;
        if (name === "d") method = "PUT";
        setup = (req) => {
          const token = pool[i % pool.length];
          const next = { ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } };
          if (name === "d") {
            const [productId, tagId] = pairList[i % pairList.length];
            next.path = `/api/1/accounts/${seed.orgId}/products/${productId}/tags/${tagId}`;
          }
          i++;
          return next;
        };
      }
      const linksBefore = name === "d" ? await countLinks(sql) : 0;
      // (c)/(d): warm-up and measured run share one rotation, so no token takes more than PER_TOKEN
      // requests as long as both together stay under TOKENS_PER_POOL × PER_TOKEN (> 3,000 req/s).
      const run = (seconds: number) =>
        autocannon({
          url: base,
          connections: opts.connections,
          duration: seconds,
          requests: [{ method, path: path_, headers, ...(setup ? { setupRequest: setup } : {}) }],
        });
      log(`load: ${LABELS[name]}: ${WARMUP_SECONDS} s warm-up, ${opts.durationSeconds} s measured, ${opts.connections} connections…`);
      await run(WARMUP_SECONDS);
      const linksWarm = name === "d" ? await countLinks(sql) : 0;
      const result = await run(opts.durationSeconds);
      measured[name] = toMeasured(result);
      if (name === "d") {
        const written = (await countLinks(sql)) - linksWarm;
        // A few more rows than answers: requests still in flight when the run ends write too.
        log(`load: (d) wrote ${written} tag links for ${measured.d.total - measured.d.non2xx} 2xx answers (warm-up wrote ${linksWarm - linksBefore})`);
      }
    }

    report(measured, countsSmall, countsLarge, opts);
  } finally {
    if (server) await opts.stopServer(server);
    opts.onServer(null);
    await admin?.end().catch(() => {});
    await postgres?.stop().catch(() => {});
  }
}

export async function seedBase(databaseUrl: string, sql: pg.Client) {
  const db = createDb(databaseUrl);
  await createProductCategories(db);
  const user = await createUser(db, { email: "bench@example.test", firstName: "Bench", lastName: "User" });
  const org = await createOrganization(db, { name: "Bench Organization", legalRepresentativeId: user.id });
  // The session exactly as sign-in creates it (second step passed).
  const { secret: sessionSecret } = await createSession(db, { userId: user.id, ip: "127.0.0.1", userAgent: "bench", twoFactorPassed: true });
  // For the product-picker pages: a second Organization of the same person, which keeps 10 products.
  const small = await createOrganization(db, { name: "Bench Small Organization", legalRepresentativeId: user.id });
  // For the reseller area (r): a partner Organization of the same person and its clients, 10 products each.
  const partnerOrg = await createOrganization(db, { name: "Bench Partner", legalRepresentativeId: user.id });
  const partner = await createPartner(db, { orgId: partnerOrg.id, displayName: "Bench Partner" });
  const clientOwner = await createUser(db, { email: "bench-client@example.test", passwordHash: "not-a-hash" });
  for (let i = 1; i <= PARTNER_CLIENTS; i++) {
    const client = await createOrganization(db, { name: `Bench Client ${String(i).padStart(3, "0")}`, legalRepresentativeId: clientOwner.id });
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "holderEmail", status, "expiresAt", "renewalPeriodMonths", "priceMinor", currency, "autoRenew")
       SELECT 'bc' || $2 || '-' || n, $1, (SELECT id FROM "ProductCategory" ORDER BY "sortOrder" LIMIT 1), 'client' || $2 || '-' || n || '.ch',
              'Holder', 'holder@example.test', 'ACTIVE', now() + n * interval '30 days', 12, 1500, 'CHF', false
       FROM generate_series(1, 10) AS n RETURNING id`,
      [client.id, i],
    );
    if (i % 2 === 0) await createPartnership(db, { partnerId: partner.id, clientOrgId: client.id, access: "FULL", payer: i % 4 === 0 ? "PARTNER" : "CLIENT" });
    else await createPartnership(db, { partnerId: partner.id, clientOrgId: client.id, access: "LIMITED", productIds: rows.slice(0, 3).map((r) => r.id) });
  }
  await db.$disconnect();

  // 1,000 tags named like a real Organization's: client-…, project-…, env-…
  await sql.query(
    `INSERT INTO "Tag" (id, "orgId", name, "normalizedName", color)
     SELECT 'bt' || lpad(n::text, 6, '0'), $1, name, lower(name), (ARRAY['slate','red','orange','amber','green','teal','blue','indigo','violet','pink'])[1 + n % 10]
     FROM (SELECT n, (ARRAY['Client','Project','Team','Env','Region','Billing','Legacy','Priority'])[1 + n % 8] || '-' || lpad(n::text, 4, '0') AS name
           FROM generate_series(1, $2::int) AS n) AS t`,
    [org.id, TAGS],
  );

  // API tokens exactly as createApiToken stores them: SHA-256 of the token and its display prefix.
  const countToken = generateToken();
  const readTokens = Array.from({ length: TOKENS_PER_POOL }, generateToken);
  const writeTokens = Array.from({ length: TOKENS_PER_POOL }, generateToken);
  const all = [countToken, ...readTokens, ...writeTokens];
  await sql.query(
    `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", "displayPrefix", scopes)
     SELECT 'bk' || lpad(i::text, 6, '0'), $1, 'bench ' || i, h, p, $4::text[]
     FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(h, p, i)`,
    [user.id, all.map(hashSecret), all.map(displayPrefix), TOKEN_SCOPES],
  );
  // Restricted to the benchmark's Organization, as a token made on its page was before personal tokens.
  await sql.query(`INSERT INTO "ApiTokenOrganization" ("tokenId", "orgId") SELECT id, $1 FROM "ApiToken" WHERE id LIKE 'bk%'`, [org.id]);
  const filterTagId = `bt${String(FILTER_TAG_RANK).padStart(6, "0")}`;

  // For the product-picker pages (e, f, g), in each Organization: a USER and a team whose grants grow
  // with the products (every 100th).
  const grantees = async (orgId: string, suffix: string) => {
    await sql.query(
      `WITH u AS (INSERT INTO "User" (id, email, "passwordHash", "firstName", "lastName", "updatedAt")
                  VALUES ($2, $2 || '@example.test', 'not-a-hash', 'Mia', 'Member', now()) RETURNING id)
       INSERT INTO "Membership" (id, "orgId", "userId", role, "updatedAt") SELECT $3, $1, id, 'USER', now() FROM u`,
      [orgId, `bench-member${suffix}`, `bench-membership${suffix}`],
    );
    await sql.query(`INSERT INTO "Team" (id, "orgId", name) VALUES ($2, $1, $3)`, [orgId, `bench-team${suffix}`, `Bench team${suffix}`]);
    await sql.query(`INSERT INTO "TeamMember" ("teamId", "membershipId") VALUES ($1, $2)`, [`bench-team${suffix}`, `bench-membership${suffix}`]);
    return { orgId, membershipId: `bench-membership${suffix}`, teamId: `bench-team${suffix}` };
  };
  const picker = await grantees(org.id, "");
  const smallPicker = await grantees(small.id, "-small");
  await insertProducts(sql, small.id, 1, SMALL, { prefix: "sp", suffix: "-small" });
  // In the large Organization, a member and a team holding what the small one's hold (1 product each):
  // the same page content at 100,000 products, to tell the catalogue's size from the page's content.
  const few = await grantees(org.id, "-few");
  return { orgId: org.id, userId: user.id, sessionSecret, countToken, readTokens, writeTokens, filterTagId, membershipId: picker.membershipId, teamId: picker.teamId, small: smallPicker, few };
}

/**
 * Products `from`…`to` in one INSERT … SELECT, then their tags in another. Each product has 0 to 5 tags
 * (1.8 on average); a tag's rank is drawn log-uniformly, so tag 1 is on ~one product in five and the
 * long tail on a few dozen each, like real labels. The filter tag is also on every 4th product of the
 * first ten, so (b) lists something at 10 products too. Expiry dates spread from 30 days ago to ≈8 years
 * ahead, so ≈3 % of the products (≈3,000 of 100,000) are due within the payments page's 2 months (p).
 */
export async function insertProducts(sql: pg.Client, orgId: string, from: number, to: number, { prefix = "bp", suffix = "" } = {}) {
  await sql.query("SELECT setseed($1)", [from / (to + 1)]);
  await sql.query(
    `INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "holderEmail", status, "expiresAt", "renewalPeriodMonths", "priceMinor", currency, "autoRenew", "createdAt")
     SELECT $4 || lpad(n::text, 7, '0'), $1, c.ids[1 + n % array_length(c.ids, 1)],
            substr(md5('name' || n), 1, 10) || (ARRAY['.ch','.com','.fr','.de','.it'])[1 + n % 5],
            'Holder ' || n, 'holder' || n || '@example.test',
            (CASE WHEN n % 50 = 0 THEN 'TERMINATED' WHEN n % 20 = 0 THEN 'BLOCKED' ELSE 'ACTIVE' END)::"ProductStatus",
            now() + ((n * 7919) % 3000 - 30) * interval '1 day', (ARRAY[1, 12, 12, 24])[1 + n % 4], 500 + (n * 37) % 20000, 'CHF', n % 3 = 0,
            now() - (n % 1000) * interval '1 day'
     FROM generate_series($2::int, $3::int) AS n,
          (SELECT array_agg(id ORDER BY "sortOrder") AS ids FROM "ProductCategory") AS c`,
    [orgId, from, to, prefix],
  );
  if (prefix === "bp") await insertTagLinks(sql, from, to);
  if (prefix === "bp" && from === 1) {
    await sql.query(
      `INSERT INTO "ProductAccess" (id, "productId", "membershipId", "teamId")
       VALUES ('bp-few-m', 'bp0000001', 'bench-membership-few', NULL), ('bp-few-t', 'bp0000002', NULL, 'bench-team-few')`,
    );
  }
  // The member holds every 100th product directly, the team every 100th other one (1 and 1,000 of them).
  await sql.query(
    `INSERT INTO "ProductAccess" (id, "productId", "membershipId", "teamId")
     SELECT $3 || 'a' || lpad(n::text, 7, '0'), $3 || lpad(n::text, 7, '0'),
            CASE WHEN n % 100 = 1 THEN 'bench-membership' || $4 END, CASE WHEN n % 100 = 2 THEN 'bench-team' || $4 END
     FROM generate_series($1::int, $2::int) AS n WHERE n % 100 IN (1, 2)`,
    [from, to, prefix, suffix],
  );
}

/** The tags of products `from`…`to` (see insertProducts). */
async function insertTagLinks(sql: pg.Client, from: number, to: number) {
  await sql.query(
    `INSERT INTO "ProductTag" ("productId", "tagId")
     SELECT 'bp' || lpad(n::text, 7, '0'), 'bt' || lpad(least($3::int, floor(exp(random() * ln($3::int + 1)))::int)::text, 6, '0')
     FROM generate_series($1::int, $2::int) AS n, generate_series(1, 5) AS slot
     -- "+ 0 * n" keeps the draw per product: a condition on slot alone would be drawn once per slot.
     WHERE random() < (ARRAY[0.8, 0.5, 0.3, 0.15, 0.06])[slot] + 0 * n
     UNION
     SELECT 'bp' || lpad(n::text, 7, '0'), 'bt' || lpad($4::text, 6, '0') FROM generate_series($1::int, least($2::int, $5::int)) AS n WHERE n % 4 = 1
     ON CONFLICT DO NOTHING`,
    [from, to, TAGS, FILTER_TAG_RANK, SMALL],
  );
}

type PageName = "e" | "f" | "g";
/** 10 products; 100,000 products with the small Organization's grants; 100,000 with 1,000 grants each. */
type Size = "small" | "sameContent" | "large";
const SIZES = ["small", "sameContent", "large"] as const;
const PAGE_LABELS: Record<PageName, string> = {
  e: "(e) Add a user /{org}/users/invite",
  f: "(f) a member's page /{org}/users/{id}",
  g: "(g) a team's page /{org}/teams/{id}",
};
const PAGE_SAMPLES = 25;
type PageMeasure = { median: number; p90: number; html: number; htmlGzip: number; rsc: number; statements: number };

function pickerPages(base: string, cookie: string, seed: { orgId: string; membershipId: string; teamId: string }): Record<PageName, () => Request> {
  const page = (p: string) => () => new Request(`${base}/${seed.orgId}${p}`, { headers: { cookie } });
  return { e: page("/users/invite"), f: page(`/users/${seed.membershipId}`), g: page(`/teams/${seed.teamId}`) };
}

/**
 * Each page one request at a time, alternating between the small and the large Organization: the median
 * and 90th percentile of PAGE_SAMPLES renders, the HTML document's size (raw and gzipped; it carries the
 * RSC payload inline), the RSC payload a client-side navigation fetches (`RSC: 1`), and the SQL
 * statements of one render.
 */
async function measurePages(sql: pg.Client, sets: Record<Size, Record<PageName, () => Request>>): Promise<Record<Size, Record<PageName, PageMeasure>>> {
  const out = { small: {}, sameContent: {}, large: {} } as Record<Size, Record<PageName, PageMeasure>>;
  for (const name of Object.keys(PAGE_LABELS) as PageName[]) {
    const times: Record<Size, number[]> = { small: [], sameContent: [], large: [] };
    const html: Record<Size, string> = { small: "", sameContent: "", large: "" };
    for (let i = 0; i < PAGE_SAMPLES; i++) {
      for (const size of SIZES) {
        const t = performance.now();
        const res = await fetch(sets[size][name](), { redirect: "manual" });
        html[size] = await res.text();
        times[size].push(performance.now() - t);
        if (!res.ok) throw new Error(`${PAGE_LABELS[name]} answered ${res.status}: the benchmark's setup is wrong\n${serverOutput}`);
      }
    }
    for (const size of SIZES) {
      const rscRequest = sets[size][name]();
      rscRequest.headers.set("RSC", "1");
      // Next.js answers an RSC request without its cache-busting `_rsc` parameter with a redirect to the
      // URL that has it: followed, as the router would.
      const rscResponse = await fetch(rscRequest, { redirect: "follow" });
      const rsc = await rscResponse.arrayBuffer();
      if (!rscResponse.ok || !rscResponse.headers.get("content-type")?.includes("text/x-component"))
        throw new Error(`${PAGE_LABELS[name]}: the RSC request answered ${rscResponse.status} ${rscResponse.headers.get("content-type")}`);
      const before = await statementCount(sql);
      await (await fetch(sets[size][name]())).arrayBuffer();
      const statements = (await statementCount(sql)) - before;
      const sorted = times[size].sort((x, y) => x - y);
      out[size][name] = {
        median: sorted[Math.floor(sorted.length / 2)],
        p90: sorted[Math.floor(sorted.length * 0.9)],
        html: Buffer.byteLength(html[size]),
        htmlGzip: gzipSync(html[size]).byteLength,
        rsc: rsc.byteLength,
        statements,
      };
    }
  }
  return out;
}

function reportPages(m: Record<Size, Record<PageName, PageMeasure>>) {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  const row = (f: (x: PageMeasure) => string, n: PageName, w: number) => SIZES.map((size) => f(m[size][n])).join(" → ").padStart(w);
  const lines = [
    "",
    `  product-picker pages, one request at a time, alternating (${PAGE_SAMPLES} renders each):`,
    `  at ${SMALL} products → at ${PRODUCTS.toLocaleString("en")} with the same grants (1 + 1) → at ${PRODUCTS.toLocaleString("en")} with 1,000 + 1,000 grants`,
    `  ${"case".padEnd(42)} ${"median ms".padStart(22)} ${"p90 ms".padStart(22)} ${"HTML".padStart(28)} ${"HTML gzip".padStart(25)} ${"RSC".padStart(28)} ${"SQL".padStart(11)}`,
    ...(["e", "f", "g"] as const).map(
      (n) =>
        `  ${PAGE_LABELS[n].padEnd(42)} ${row((x) => x.median.toFixed(1), n, 22)} ${row((x) => x.p90.toFixed(1), n, 22)} ${row((x) => kb(x.html), n, 28)} ${row((x) => kb(x.htmlGzip), n, 25)} ${row((x) => kb(x.rsc), n, 28)} ${row((x) => String(x.statements), n, 11)}`,
    ),
    "",
  ];
  console.log(lines.join("\n"));
}

/** (product, tag) pairs not attached yet, spread over the whole table, fetched in batches. */
class PairSource {
  private buffer: [string, string][] = [];
  private used = new Set<string>();
  constructor(
    private sql: pg.Client,
    private orgId: string,
  ) {}

  async take(n: number): Promise<[string, string][]> {
    const { rows } = await this.sql.query<{ p: string; t: string }>(
      `WITH p AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM "Product" WHERE "orgId" = $1),
            t AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS tn FROM "Tag" WHERE "orgId" = $1)
       SELECT p.id AS p, t.id AS t FROM p, generate_series(0, 5) AS k, t
       WHERE t.tn = (p.rn * 37 + k * 101) % $2
         AND NOT EXISTS (SELECT 1 FROM "ProductTag" x WHERE x."productId" = p.id AND x."tagId" = t.id)
       ORDER BY md5(p.id || t.id) LIMIT $3`,
      [this.orgId, TAGS, n + this.used.size],
    );
    const out: [string, string][] = [];
    for (const r of rows) {
      const key = `${r.p}/${r.t}`;
      if (this.used.has(key)) continue;
      this.used.add(key);
      out.push([r.p, r.t]);
      if (out.length === n) break;
    }
    return out;
  }

  async next(): Promise<[string, string]> {
    if (!this.buffer.length) this.buffer = await this.take(50);
    return this.buffer.pop()!;
  }
}

export function startServer(opts: Pick<LoadOptions, "workDir" | "port">, databaseUrl: string, secret: string, nodeArgs: string[] = []): ChildProcess {
  const appUrl = `http://127.0.0.1:${opts.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    // Nothing here sends e-mail; an unreachable server would only matter if something did.
    SMTP_URL: "smtp://127.0.0.1:9",
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: secret,
    MANAGER_ENCRYPTION_KEY: randomSecret(32),
    MAILBOX_ENABLED: "0",
    MANAGER_JOBS: "0", // no background job queries in the counts
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const nextBin = path.join(opts.workDir, "node_modules", "next", "dist", "bin", "next");
  if (!existsSync(path.join(opts.workDir, ".next", "BUILD_ID"))) throw new Error("no production build in the copy");
  const child = spawn(process.execPath, [...nodeArgs, nextBin, "start", "-p", String(opts.port), "-H", "127.0.0.1"], {
    cwd: opts.workDir,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Kept for a failure message only: autocannon closing its connections makes the server log "aborted".
  const keep = (chunk: Buffer) => (serverOutput = (serverOutput + chunk.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return child;
}

let serverOutput = "";
/** The server's last 4,000 characters of output, for a failure message. */
export const lastServerOutput = () => serverOutput;

export async function waitUntilUp(url: string, server: ChildProcess, opts: Pick<LoadOptions, "interrupted">) {
  const deadline = performance.now() + 120_000;
  for (;;) {
    if (opts.interrupted()) throw new Error("interrupted");
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode})\n--- last output ---\n${serverOutput}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer within 120 s`);
    await sleep(200);
  }
}

async function send(request: Request, name: CaseName): Promise<Response> {
  const res = await fetch(request, { redirect: "manual" });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${LABELS[name]} answered ${res.status}: the benchmark's setup is wrong\n--- server output ---\n${serverOutput}`);
  return res;
}

async function statementCount(sql: pg.Client): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(
    `SELECT coalesce(sum(calls), 0) AS n FROM pg_stat_statements
     WHERE query !~* '^\\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)' AND query NOT LIKE '%pg_stat_statements%'`,
  );
  return Number(rows[0].n);
}

async function countAll(sql: pg.Client, requests: Record<CaseName, () => Promise<Request>>): Promise<Record<Counted, Counts>> {
  const out = {} as Record<Counted, Counts>;
  for (const name of COUNTED) {
    const samples: number[] = [];
    for (let i = 0; i < COUNT_SAMPLES; i++) {
      const request = await requests[name]();
      const before = await statementCount(sql);
      await send(request, name);
      samples.push((await statementCount(sql)) - before);
    }
    samples.sort((x, y) => x - y);
    out[name] = { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples.at(-1)! };
  }
  return out;
}

async function countLinks(sql: pg.Client): Promise<number> {
  return Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "ProductTag"`)).rows[0].n);
}

function toMeasured(r: autocannon.Result): Measured {
  const statuses: Record<string, number> = {};
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = (v as { count: number }).count;
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, total: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts, statuses };
}

function report(m: Record<CaseName, Measured>, small: Record<Counted, Counts>, large: Record<Counted, Counts>, opts: LoadOptions) {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (v: number, d = 1) => v.toFixed(d).padStart(8);
  const markL = (r: number) => `${r.toFixed(2).padStart(6)}×  ${r <= LAYOUT_TARGET ? "ok    " : "MISSED"}`;
  const lines = [
    "",
    `  load at ${PRODUCTS.toLocaleString("en")} products, ${TAGS.toLocaleString("en")} tags; ${opts.connections} connections, ${opts.durationSeconds} s per case`,
    `  ${pad("case", 46)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"req/s".padStart(8)} ${"requests".padStart(9)} ${"non-2xx".padStart(8)} ${"errors".padStart(7)}`,
    ...CASES.map(
      (n) => `  ${pad(LABELS[n], 46)} ${num(m[n].p50)} ${num(m[n].p99)} ${num(m[n].rps, 0)} ${String(m[n].total).padStart(9)} ${String(m[n].non2xx).padStart(8)} ${String(m[n].errors).padStart(7)}`,
    ),
    "",
    `  ratio to (a)   p50 (target ≤ ${TARGET.p50}×)     p99 (target ≤ ${TARGET.p99}×)    for reference, to (a′): p50 / p99`,
    ...(["b", "c", "d", "p", "r"] as const).map((n) => {
      const r50 = m[n].p50 / m.a.p50;
      const r99 = m[n].p99 / m.a.p99;
      const mark = (r: number, t: number) => `${r.toFixed(1).padStart(6)}×  ${r <= t ? "ok    " : "MISSED"}`;
      const ref = `${(m[n].p50 / m.h.p50).toFixed(1)}× / ${(m[n].p99 / m.h.p99).toFixed(1)}×`;
      return `  (${n})          ${mark(r50, TARGET.p50)}        ${mark(r99, TARGET.p99)}        ${ref}`;
    }),
    `  (l)          ${markL(m.l.p50 / m.a.p50)}        ${markL(m.l.p99 / m.a.p99)}        (target ≤ ${LAYOUT_TARGET}×): what every console page pays before its content`,
    `  (b) to (l)      ${(m.b.p50 / m.l.p50).toFixed(1).padStart(6)}×                 ${(m.b.p99 / m.l.p99).toFixed(1).padStart(6)}×                reference: the products page's own reads and content`,
    "",
    `  SQL statements per request (median of ${COUNT_SAMPLES}; BEGIN/COMMIT not counted)`,
    `  case    at ${SMALL} products   at ${PRODUCTS.toLocaleString("en")} products   same?`,
    ...COUNTED.map((n) => `  (${n})     ${fmtCount(small[n]).padStart(14)}   ${fmtCount(large[n]).padStart(20)}   ${small[n].median === large[n].median ? "yes" : "NO"}`),
    "",
  ];
  console.log(lines.join("\n"));
  const statusLine = CASES.map((n) => `${n}=${JSON.stringify(m[n].statuses)}`).join(" ");
  log(`load: status codes ${statusLine}`);
}

const fmtCount = (c: Counts) => (c.min === c.max ? `${c.median}` : `${c.median} (${c.min}–${c.max})`);
const fmtCounts = (c: Record<Counted, Counts>) => COUNTED.map((n) => `(${n}) ${fmtCount(c[n])}`).join(", ");
const sec = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
