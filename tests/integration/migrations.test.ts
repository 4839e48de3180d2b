import { randomUUID } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startEmbeddedPostgres } from "../../lib/dev/embedded-postgres";
import type { RunningPostgres } from "../../lib/dev/embedded-postgres";
import { createMigration, deployMigrations, migrationStatus, schemaDrift } from "../../lib/dev/migrate";

// The schema engine replays every migration in a shadow database: slow machines need the headroom.
const TIMEOUT = 120_000;
const DATABASE = "migrations_test";

let postgres: RunningPostgres | undefined;
let adminUrl: string;
let url: string;

async function adminQuery<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function migrationFolders(): Promise<string[]> {
  const entries = await readdir(path.resolve(process.cwd(), "prisma/migrations"), { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
}

beforeAll(async () => {
  postgres = await startEmbeddedPostgres({
    dataDir: path.resolve(process.cwd(), ".data", `test-migrations-${randomUUID()}`),
    persistent: false,
    quiet: true,
  });
  adminUrl = postgres.adminUrl;
  await adminQuery(`CREATE DATABASE ${DATABASE}`);
  url = postgres.urlFor(DATABASE);
}, TIMEOUT);

afterAll(async () => {
  await postgres?.stop();
}, TIMEOUT);

test(
  "[infra] deploy applies every migration to an empty database",
  async () => {
    const folders = await migrationFolders();
    expect(folders.length).toBeGreaterThan(0);
    expect(await deployMigrations(url)).toEqual(folders);
  },
  TIMEOUT,
);

test(
  "[infra] a second deploy applies nothing",
  async () => {
    expect(await deployMigrations(url)).toEqual([]);
    const status = await migrationStatus(url);
    expect(status.pending).toEqual([]);
    expect(status.upToDate).toBe(true);
  },
  TIMEOUT,
);

test(
  "[infra] migrations match schema.prisma",
  async () => {
    // Non-empty means schema.prisma changed without a migration: `npx tsx scripts/db.ts create --name <name>`.
    expect(await schemaDrift(url)).toBe("");
  },
  TIMEOUT,
);

test(
  "[infra] the drift check leaves no shadow database behind",
  async () => {
    const leftovers = await adminQuery<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'",
    );
    expect(leftovers).toEqual([]);
  },
  TIMEOUT,
);

test(
  "[infra] create writes a named migration for a schema change, applies it, and then finds nothing to do",
  async () => {
    const root = await mkdtemp(path.join(tmpdir(), "manager-migrate-"));
    try {
      await cp(path.resolve("prisma"), path.join(root, "prisma"), { recursive: true });
      const schemaPath = path.join(root, "prisma/schema.prisma");
      await writeFile(schemaPath, `${await readFile(schemaPath, "utf8")}\nmodel ProbeWidget {\n  id   String @id\n  size Int\n}\n`);
      await adminQuery("CREATE DATABASE migrations_create_test");
      const scratch = postgres!.urlFor("migrations_create_test");
      const folder = await createMigration(scratch, "probe_widget", { projectRoot: root });
      expect(folder).toMatch(/^\d{14}_probe_widget$/);
      const sql = await readFile(path.join(root, "prisma/migrations", folder!, "migration.sql"), "utf8");
      expect(sql).toContain('CREATE TABLE "ProbeWidget"');
      expect((await migrationStatus(scratch, { projectRoot: root })).pending).toEqual([]);
      expect(await schemaDrift(scratch, { projectRoot: root })).toBe("");
      expect(await createMigration(scratch, "again", { projectRoot: root })).toBeNull();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
  TIMEOUT * 2,
);

test(
  "[SEC-2] accounts that existed before e-mail confirmation count as confirmed once the migration ran",
  async () => {
    const MIGRATION = "20261205033141_email_verified_at";
    const root = await mkdtemp(path.join(tmpdir(), "manager-migrate-"));
    try {
      await cp(path.resolve("prisma"), path.join(root, "prisma"), { recursive: true });
      // The history up to just before the migration, with an account in it.
      await rm(path.join(root, "prisma/migrations", MIGRATION), { recursive: true });
      await adminQuery("CREATE DATABASE migrations_confirmed_test");
      const scratch = postgres!.urlFor("migrations_confirmed_test");
      await deployMigrations(scratch, { projectRoot: root });
      const client = new pg.Client({ connectionString: scratch });
      await client.connect();
      try {
        await client.query(
          `INSERT INTO "User" (id, email, "passwordHash", "firstName", "lastName", "createdAt", "updatedAt")
           VALUES ('old-account', 'old@example.test', 'x', 'Old', 'Account', '2025-01-02T03:04:05Z', now())`,
        );
        await cp(path.resolve("prisma/migrations", MIGRATION), path.join(root, "prisma/migrations", MIGRATION), { recursive: true });
        expect(await deployMigrations(scratch, { projectRoot: root })).toEqual([MIGRATION]);
        const { rows } = await client.query(`SELECT "emailVerifiedAt", "createdAt" FROM "User" WHERE id = 'old-account'`);
        expect(rows[0].emailVerifiedAt).not.toBeNull();
        expect(rows[0].emailVerifiedAt).toEqual(rows[0].createdAt);
      } finally {
        await client.end();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
  TIMEOUT * 2,
);
