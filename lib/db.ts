import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { config } from "@/lib/config";
import { DATABASE_UNAVAILABLE_DIGEST, isDatabaseUnavailable } from "@/lib/errors";
import { noteDatabaseState } from "@/lib/http/request-faults";

export type Db = PrismaClient;
/** A transaction handle: the client without the methods that only exist outside a transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Marks an outage so the error page can say "try again in a moment": Next.js hides a page's error from
 * the browser but keeps a `digest` it already carries.
 */
function markUnavailable(err: unknown, processWide: boolean): unknown {
  if (err && typeof err === "object" && isDatabaseUnavailable(err)) {
    Object.assign(err, { digest: DATABASE_UNAVAILABLE_DIGEST });
    noteDatabaseState(true, processWide);
  }
  return err;
}

/**
 * Settings of every connection the Manager opens. `random_page_cost` 1.1 (PostgreSQL's default, 4, is
 * meant for spinning disks): a random read from SSD or cache costs about as much as a sequential one, so
 * the planner walks an index for a few thousand rows instead of reading a whole table — e.g. counting a
 * member's 1,000 granted products among 100,000 went from a 105 ms table scan to 7.5 ms.
 */
export const CONNECTION_OPTIONS = "-c random_page_cost=1.1";

export type PoolSettings = { poolSize: number; statementTimeoutMs: number; connectTimeoutMs: number };

/**
 * The pool settings of every connection (lib/config.ts, README "Configuration"): no statement runs longer
 * than `statement_timeout` (PostgreSQL cancels it, and the request answers 503 "try again" instead of
 * holding a connection for ever), and a request waits at most `connectTimeoutMs` for a connection, so
 * during an outage it fails within seconds instead of hanging.
 */
export function poolSettings(overrides: Partial<PoolSettings> = {}) {
  const s: PoolSettings = {
    poolSize: config.databasePoolSize,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
    connectTimeoutMs: config.databaseConnectTimeoutMs,
    ...overrides,
  };
  return { max: s.poolSize, connectionTimeoutMillis: s.connectTimeoutMs, options: `${CONNECTION_OPTIONS} -c statement_timeout=${s.statementTimeoutMs}` };
}

/**
 * An interactive transaction waits for a connection as long as any query does (Prisma's own default, 2 s,
 * failed sign-ins under load with "Unable to start a transaction in the given time" while a plain query
 * would have been served), and may run as long as one statement may, plus its own work.
 */
export function transactionSettings(overrides: Partial<PoolSettings> = {}) {
  const connectTimeoutMs = overrides.connectTimeoutMs ?? config.databaseConnectTimeoutMs;
  const statementTimeoutMs = overrides.statementTimeoutMs ?? config.databaseStatementTimeoutMs;
  return { maxWait: connectTimeoutMs, timeout: statementTimeoutMs + 5_000 };
}

/** Each client's own connection pool, for `directQuery`. */
const pools = new WeakMap<object, { pool: pg.Pool; processWide: boolean }>();

/** `processWide`: the application's own client, whose failures and successes say whether the database is out. */
export function createDb(databaseUrl: string, overrides: Partial<PoolSettings> = {}, processWide = false): PrismaClient {
  // The pool is made here rather than by the adapter so that `directQuery` can use the same connections.
  const pool = new pg.Pool({ connectionString: databaseUrl, ...poolSettings(overrides) });
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions: transactionSettings(overrides) });
  // The extension only observes failures, so the client keeps PrismaClient's own type and behaviour.
  // An interactive transaction's own queries fail through its promise, which is marked here.
  const transaction = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const extended = client.$extends({
    client: {
      $transaction(...args: unknown[]) {
        return transaction(...args).catch((err: unknown) => {
          throw markUnavailable(err, processWide);
        });
      },
    },
    query: {
      async $allOperations({ args, query }) {
        try {
          const result = await query(args);
          if (processWide) noteDatabaseState(false, true);
          return result;
        } catch (err) {
          throw markUnavailable(err, processWide);
        }
      },
    },
  }) as unknown as PrismaClient;
  pools.set(extended, { pool, processWide });
  return extended;
}

/**
 * One statement on the client's pool without Prisma's request pipeline, for the two reads every console
 * page makes before its content (the session, the billing banners): measured at ≈ 1 ms of CPU less per
 * statement than `$queryRaw` (README "Levers"). Values are `$1…` parameters, never interpolated. pg parses
 * a `timestamp` column as local time, so timestamps must come back as numbers (epoch ms) or be compared
 * in SQL. A client made elsewhere (no pool known) runs the statement through Prisma.
 */
export async function directQuery<T>(db: Db, text: string, values: unknown[]): Promise<T[]> {
  const own = pools.get(db);
  if (!own) return db.$queryRawUnsafe<T[]>(text, ...values);
  try {
    const { rows } = await own.pool.query(text, values);
    if (own.processWide) noteDatabaseState(false, true);
    return rows as T[];
  } catch (err) {
    throw markUnavailable(err, own.processWide);
  }
}

const globalForDb = globalThis as unknown as { __managerDb?: PrismaClient };

/** The application's only PrismaClient, created on first use from DATABASE_URL. */
export function getDb(): PrismaClient {
  if (!globalForDb.__managerDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the Manager with `npm start`.");
    globalForDb.__managerDb = createDb(url, {}, true);
  }
  return globalForDb.__managerDb;
}
