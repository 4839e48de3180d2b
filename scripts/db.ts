/**
 * Database migrations without the native Prisma engine (see lib/dev/migrate.ts).
 *
 *   npx tsx scripts/db.ts deploy                 apply pending migrations
 *   npx tsx scripts/db.ts create --name <name>   write prisma/migrations/<timestamp>_<name> from schema.prisma, apply it
 *   npx tsx scripts/db.ts status                 applied / pending migrations (exit 1 unless up to date)
 *   npx tsx scripts/db.ts drift                  SQL between the migrations and schema.prisma (exit 2 on drift)
 *
 * Uses DATABASE_URL; without it, the development PostgreSQL in .data/postgres (database `manager`) is
 * started for the command and stopped afterwards.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/dev/embedded-postgres";
import type { RunningPostgres } from "../lib/dev/embedded-postgres";
import { ensureCaughtMailTable } from "../lib/dev/mail-catcher";
import { createMigration, deployMigrations, migrationStatus, schemaDrift } from "../lib/dev/migrate";

const DEV_DATA_DIR = ".data/postgres";
const DEV_DATABASE = "manager";
const USAGE = "usage: npx tsx scripts/db.ts <deploy | create --name <name> | status | drift>";

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string", short: "n" }, help: { type: "boolean", short: "h" } },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  if (!["deploy", "create", "status", "drift"].includes(command) || positionals.length > 1) {
    console.error(USAGE);
    return 1;
  }
  if (command === "create" && !values.name) {
    console.error("create needs a name: npx tsx scripts/db.ts create --name <name>");
    return 1;
  }

  const database = await openDatabase();
  try {
    return await run(command, database.url, values.name);
  } finally {
    await database.close();
  }
}

async function run(command: string, url: string, name: string | undefined): Promise<number> {
  switch (command) {
    case "deploy": {
      const applied = await deployMigrations(url);
      if (applied.length === 0) console.log("No pending migrations.");
      else console.log(`Applied ${applied.length} migration(s):\n${applied.map((m) => `  ${m}`).join("\n")}`);
      return 0;
    }
    case "create": {
      const folder = await createMigration(url, name ?? "");
      if (folder === null) console.log("schema.prisma matches the migrations: nothing to create.");
      else console.log(`Created and applied prisma/migrations/${folder}/migration.sql`);
      return 0;
    }
    case "status": {
      const status = await migrationStatus(url);
      const pending = new Set(status.pending);
      const failed = new Set(status.failed);
      const edited = new Set(status.edited);
      for (const m of status.migrations) {
        const state = failed.has(m) ? "FAILED " : pending.has(m) ? "pending" : "applied";
        console.log(`${state}  ${m}${edited.has(m) ? "  (edited after it was applied)" : ""}`);
      }
      for (const m of status.missingFromDisk) console.log(`applied  ${m}  (missing from prisma/migrations)`);
      if (status.migrations.length === 0 && status.missingFromDisk.length === 0) console.log("No migrations.");
      console.log(status.upToDate ? "Database is up to date." : "Database is NOT up to date.");
      // Same convention as `prisma migrate status`, so CI can gate on it.
      return status.upToDate ? 0 : 1;
    }
    case "drift": {
      const sql = await schemaDrift(url);
      if (sql === "") {
        console.log("No drift: the migrations produce exactly schema.prisma.");
        return 0;
      }
      console.log(sql);
      console.error(
        "\nDrift: schema.prisma differs from prisma/migrations (SQL above). " +
          "Create a migration: npx tsx scripts/db.ts create --name <name>",
      );
      return 2;
    }
  }
  return 1;
}

async function openDatabase(): Promise<{ url: string; close: () => Promise<void> }> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return { url: fromEnv, close: async () => {} };

  const dataDir = path.resolve(process.cwd(), DEV_DATA_DIR);
  assertNotRunning(dataDir);
  // embedded-postgres itself stops its servers on SIGINT/SIGTERM, so Ctrl-C leaves no stale lock.
  const postgres = await startEmbeddedPostgres({ dataDir, persistent: true, quiet: true });
  try {
    await ensureDatabase(postgres, DEV_DATABASE);
    await ensureCaughtMailTable(postgres.urlFor(DEV_DATABASE));
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  return { url: postgres.urlFor(DEV_DATABASE), close: () => postgres.stop() };
}

/** A second server on the same data folder would refuse to start with a less helpful message. */
function assertNotRunning(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale lock from a crash: Postgres removes it itself
  }
  throw new Error(
    `PostgreSQL is already running on ${DEV_DATA_DIR} (pid ${pid}, port ${portLine?.trim() ?? "?"}), ` +
      "probably the Manager itself: set DATABASE_URL to that server, or stop it first.",
  );
}

async function ensureDatabase(postgres: RunningPostgres, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgres.adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

// process.exit rather than exitCode: embedded-postgres's exit hook calls process.exit(0) on
// `beforeExit`, which would turn every failure into success.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
