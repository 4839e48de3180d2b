/**
 * Prisma migrations without the native schema engine.
 *
 * The Prisma 7 CLI only drives a downloaded native `schema-engine`, which cannot be fetched on our
 * machines. The same engine ships as WebAssembly (`@prisma/schema-engine-wasm`) and talks to the
 * database through a driver adapter; this module wires the two together and reproduces the small
 * part of the CLI we need: `migrate deploy`, `migrate dev --name`, `migrate status` and a drift check.
 *
 * The engine API is not public. Versions are pinned exactly in package.json and
 * tests/integration/migrations.test.ts is the early warning when an upgrade breaks it.
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
  type TransactionOptions,
} from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationDirectory, MigrationList, SchemaEngine, SchemaFilter, SchemasContainer } from "@prisma/schema-engine-wasm";
import pg from "pg";

export type MigrateOptions = {
  /** Base of the relative paths below; `process.cwd()` when omitted. */
  projectRoot?: string;
  /** Defaults to `<projectRoot>/prisma/schema.prisma` (as in prisma.config.ts). */
  schemaPath?: string;
  /** Defaults to `<projectRoot>/prisma/migrations` (as in prisma.config.ts). */
  migrationsDir?: string;
  /** Receives the engine's own log lines (JSON documents); they are dropped when omitted. */
  log?: (line: string) => void;
};

export type MigrationStatus = {
  /** Migration folders on disk, oldest first. */
  migrations: string[];
  /** On disk and successfully applied to the database. */
  applied: string[];
  /** On disk, not yet applied. */
  pending: string[];
  /** Recorded as failed in `_prisma_migrations`: `deploy` refuses to run until resolved. */
  failed: string[];
  /** Applied, but `migration.sql` changed on disk afterwards. */
  edited: string[];
  /** Applied to the database, but missing from the migrations folder. */
  missingFromDisk: string[];
  upToDate: boolean;
};

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };
const MIGRATION_FILE = "migration.sql";
const LOCKFILE = "migration_lock.toml";
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/** Applies pending migrations; returns the names applied (empty when the database is up to date). */
export async function deployMigrations(databaseUrl: string, options: MigrateOptions = {}): Promise<string[]> {
  const paths = resolvePaths(options);
  return withEngine(databaseUrl, options, undefined, async (engine) => {
    const migrationsList = await loadMigrations(paths.migrationsDir);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return appliedMigrationNames;
  });
}

/**
 * The `prisma migrate dev --name <name>` flow: brings the database up to date, writes a new migration for
 * the difference between the migrations folder and schema.prisma, and applies it.
 * Returns the new folder name, or null when the schema has no changes.
 */
export async function createMigration(databaseUrl: string, name: string, options: MigrateOptions = {}): Promise<string | null> {
  if (!/^[A-Za-z0-9_]{1,100}$/.test(name)) {
    // The name becomes part of a folder name that sorts the history; keep it portable.
    throw new Error(`Invalid migration name "${name}": use letters, digits and underscores only.`);
  }
  const paths = resolvePaths(options);
  const schema = await loadSchema(paths.schemaPath);
  return withEngine(databaseUrl, options, schema, async (engine) => {
    let migrationsList = await loadMigrations(paths.migrationsDir);
    // Also the step that lets createMigration reach a shadow database later on.
    const { action } = await engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
    if (action.tag === "reset") {
      // `migrate dev` would offer to wipe the database here; a library must never do that silently.
      throw new Error(`The database must be reset before a migration can be created: ${action.reason}`);
    }
    await engine.applyMigrations({ migrationsList, filters: NO_FILTER });

    const created = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema,
      filters: NO_FILTER,
    });
    if (created.migrationScript === null) return null;

    const folder = path.join(paths.migrationsDir, created.generatedMigrationName);
    if (existsSync(folder)) throw new Error(`The migration folder already exists: ${folder}`);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, `migration.${created.extension}`), created.migrationScript, "utf8");
    // Same content as the Prisma CLI writes, so `prisma migrate` stays usable where the native engine exists.
    await writeFile(
      path.join(paths.migrationsDir, migrationsList.lockfile.path),
      "# Please do not edit this file manually\n" +
        "# It should be added in your version-control system (e.g., Git)\n" +
        `provider = "${created.connectorType}"\n`,
      "utf8",
    );

    migrationsList = await loadMigrations(paths.migrationsDir);
    await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return created.generatedMigrationName;
  });
}

/** Which migrations of the folder are applied to the database and which are pending. */
export async function migrationStatus(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrationStatus> {
  const paths = resolvePaths(options);
  return withEngine(databaseUrl, options, undefined, async (engine) => {
    const migrationsList = await loadMigrations(paths.migrationsDir);
    const migrations = migrationsList.migrationDirectories.map((dir) => dir.path);
    const diagnosis = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_FILTER,
    });
    const history = diagnosis.history;
    let pending: string[] = [];
    let missingFromDisk: string[] = [];
    if (!diagnosis.hasMigrationsTable) {
      pending = migrations;
    } else if (history?.diagnostic === "databaseIsBehind") {
      pending = history.unappliedMigrationNames;
    } else if (history?.diagnostic === "migrationsDirectoryIsBehind") {
      missingFromDisk = history.unpersistedMigrationNames;
    } else if (history?.diagnostic === "historiesDiverge") {
      pending = history.unappliedMigrationNames;
      missingFromDisk = history.unpersistedMigrationNames;
    }
    const failed = diagnosis.failedMigrationNames;
    const notApplied = new Set([...pending, ...failed]);
    return {
      migrations,
      applied: migrations.filter((m) => !notApplied.has(m)),
      pending,
      failed,
      edited: diagnosis.editedMigrationNames,
      missingFromDisk,
      upToDate:
        pending.length === 0 &&
        failed.length === 0 &&
        missingFromDisk.length === 0 &&
        diagnosis.editedMigrationNames.length === 0,
    };
  });
}

/**
 * SQL that would bring a database built from the migrations folder to schema.prisma; "" when they agree.
 * Replays the migrations in a throw-away shadow database on the server of `databaseUrl`, so that
 * server must allow `CREATE DATABASE`; the database itself is not changed.
 */
export async function schemaDrift(databaseUrl: string, options: MigrateOptions = {}): Promise<string> {
  const paths = resolvePaths(options);
  const schema = await loadSchema(paths.schemaPath);
  return withEngine(databaseUrl, options, schema, async (engine) => {
    const migrationsList = await loadMigrations(paths.migrationsDir);
    const result = await engine.diff({
      // The engine cannot tell the connector of an empty folder (no migration_lock.toml yet).
      from: migrationsList.migrationDirectories.length === 0 ? { tag: "empty" } : { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", ...schema },
      script: true,
      // Without it an empty diff still prints "-- This is an empty migration."; exit code 2 is the signal.
      exitCode: true,
      filters: NO_FILTER,
    });
    return result.exitCode === 2 ? (result.stdout ?? "").trim() : "";
  });
}

// ---------------------------------------------------------------------------------------------------
// Files

function resolvePaths(options: MigrateOptions) {
  const root = path.resolve(options.projectRoot ?? process.cwd());
  return {
    schemaPath: path.resolve(root, options.schemaPath ?? "prisma/schema.prisma"),
    migrationsDir: path.resolve(root, options.migrationsDir ?? "prisma/migrations"),
  };
}

async function loadSchema(schemaPath: string): Promise<SchemasContainer> {
  const content = await readFile(schemaPath, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new Error(`Cannot read the Prisma schema at ${schemaPath}: ${error.message}`);
  });
  return { files: [{ path: schemaPath, content }] };
}

/** The shape the Prisma CLI hands to the engine: every sub-folder, sorted, with its migration.sql. */
async function loadMigrations(migrationsDir: string): Promise<MigrationList> {
  const lockContent = await readFile(path.join(migrationsDir, LOCKFILE), "utf8").catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const migrationDirectories: MigrationDirectory[] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const file = path.join(migrationsDir, entry.name, MIGRATION_FILE);
    const content = await readFile(file, "utf8").then(
      (value) => ({ tag: "ok" as const, value }),
      (error: Error) => ({ tag: "error" as const, value: error.message }),
    );
    migrationDirectories.push({ path: entry.name, migrationFile: { path: MIGRATION_FILE, content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

// ---------------------------------------------------------------------------------------------------
// Engine

let engineModule: Promise<typeof wasmBindings> | undefined;

/**
 * The package's own entry imports the .wasm file as an ES module, which Node 20 cannot do without a
 * flag; instantiate it by hand against the JS glue instead, once per process.
 */
function loadEngineModule(): Promise<typeof wasmBindings> {
  engineModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const compiled = await WebAssembly.compile(bytes);
    const instance = await WebAssembly.instantiate(compiled, {
      "./schema_engine_bg.js": wasmBindings as unknown as WebAssembly.ModuleImports,
    });
    wasmBindings.__wbg_set_wasm(instance.exports);
    // wasm-bindgen's start function sets up the externref table the glue relies on.
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return wasmBindings;
  })();
  return engineModule;
}

async function withEngine<T>(
  databaseUrl: string,
  options: MigrateOptions,
  schema: SchemasContainer | undefined,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const bindings = await loadEngineModule();
  const factory = new EngineAdapterFactory(databaseUrl);
  let engine: SchemaEngine | undefined;
  let failed = false;
  try {
    engine = await bindings.SchemaEngine.new(
      { datamodels: schema?.files.map((f): [string, string] => [f.path, f.content]) },
      (line: string) => options.log?.(line.trimEnd()),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    return await run(engine);
  } catch (error) {
    failed = true;
    throw toReadableError(error);
  } finally {
    engine?.free();
    // A cleanup failure must not hide the engine error that probably caused it.
    await factory.close().catch((error: unknown) => {
      if (!failed) throw error;
    });
  }
}

/** An error reported by the schema engine, e.g. `P3009` (failed migrations block `deploy`). */
export class MigrateError extends Error {
  override readonly name = "MigrateError";
  constructor(
    message: string,
    readonly code: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Engine errors carry a Prisma code in `code` and a Rust span trace ("   0: sql_schema_connector::…")
 * after the message; keep the code and the human part, the original stays in `cause`.
 */
function toReadableError(error: unknown): unknown {
  if (!(error instanceof Error)) return new MigrateError(String(error), undefined);
  const rawCode = (error as { code?: unknown }).code;
  const code = typeof rawCode === "string" ? rawCode : undefined;
  const spanTrace = /\n\s+0: /;
  if (code === undefined && !spanTrace.test(error.message)) return error;
  const message = error.message.split(spanTrace)[0].trim();
  return new MigrateError(code ? `${code}: ${message}` : message, code, { cause: error });
}

// ---------------------------------------------------------------------------------------------------
// Driver adapter

/**
 * Our own migration-aware factory around `@prisma/adapter-pg`, because its stock one has three problems
 * with the schema engine (all reproduced with 7.10.x):
 * - `connectToShadowDb` spreads `{...config, database}`, which `pg` ignores when the config holds a
 *   `connectionString`: the shadow work lands in the real database. We always pass discrete fields.
 * - it drops the shadow database before closing the pool that is still connected to it, so the DROP
 *   fails and shadow databases pile up. We drop them ourselves, after closing, `WITH (FORCE)`.
 * - catalog queries return Postgres's internal `"char"` type (OID 18), which the adapter rejects as
 *   unsupported; the engine expects those columns as `ColumnTypeEnum.Character`.
 */
class EngineAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly config: pg.PoolConfig;
  private readonly schemaName: string | undefined;
  private readonly adapters = new Set<EngineAdapter>();
  private readonly shadowDatabases = new Set<string>();

  constructor(databaseUrl: string) {
    const parsed = parseDatabaseUrl(databaseUrl);
    this.config = parsed.config;
    this.schemaName = parsed.schema;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.open(this.config);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await this.admin(`CREATE DATABASE ${quoteIdent(database)}`);
    this.shadowDatabases.add(database);
    return this.open({ ...this.config, database }, () => this.dropShadowDatabase(database));
  }

  /** Releases every pool and shadow database, whatever the engine did or failed to do. */
  async close(): Promise<void> {
    const errors: unknown[] = [];
    for (const adapter of this.adapters) await adapter.dispose().catch((e: unknown) => errors.push(e));
    for (const database of this.shadowDatabases) {
      await this.dropShadowDatabase(database).catch((e: unknown) => errors.push(e));
    }
    if (errors.length > 0) throw new AggregateError(errors, "Cleaning up after the schema engine failed");
  }

  private async open(config: pg.PoolConfig, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const inner = await new PrismaPg(config, { schema: this.schemaName }).connect();
    const adapter = new EngineAdapter(inner, async () => {
      this.adapters.delete(adapter);
      await afterDispose?.();
    });
    this.adapters.add(adapter);
    return adapter;
  }

  private async dropShadowDatabase(database: string): Promise<void> {
    await this.admin(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    this.shadowDatabases.delete(database);
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client(this.config);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

class EngineAdapter implements SqlDriverAdapter {
  readonly provider = "postgres";
  readonly adapterName: string;
  private disposed: Promise<void> | undefined;

  constructor(
    private readonly inner: PgAdapter,
    private readonly onDispose: () => Promise<void>,
  ) {
    this.adapterName = inner.adapterName;
    reportCharColumns(inner);
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return queryWithCharColumns(this.inner, query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  /**
   * The stock adapter splits scripts on every ";", which breaks on semicolons inside string literals,
   * comments or function bodies. The native engine sends a migration as one simple-protocol query;
   * do the same.
   */
  async executeScript(script: string): Promise<void> {
    try {
      await this.inner.underlyingDriver().query(script);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return new EngineTransaction(await this.inner.startTransaction(isolationLevel));
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo();
  }

  dispose(): Promise<void> {
    this.disposed ??= this.inner.dispose().finally(() => this.onDispose());
    return this.disposed;
  }
}

class EngineTransaction implements Transaction {
  readonly provider = "postgres";
  readonly adapterName: string;
  readonly options: TransactionOptions;

  constructor(private readonly inner: Transaction) {
    this.adapterName = inner.adapterName;
    this.options = inner.options;
    reportCharColumns(inner);
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return queryWithCharColumns(this.inner, query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  commit(): Promise<void> {
    return this.inner.commit();
  }

  rollback(): Promise<void> {
    return this.inner.rollback();
  }

  createSavepoint(name: string): Promise<void> {
    return savepointMethod(this.inner.createSavepoint, "createSavepoint").call(this.inner, name);
  }

  rollbackToSavepoint(name: string): Promise<void> {
    return savepointMethod(this.inner.rollbackToSavepoint, "rollbackToSavepoint").call(this.inner, name);
  }

  releaseSavepoint(name: string): Promise<void> {
    return savepointMethod(this.inner.releaseSavepoint, "releaseSavepoint").call(this.inner, name);
  }
}

function savepointMethod(method: ((name: string) => Promise<void>) | undefined, label: string): (name: string) => Promise<void> {
  if (!method) throw new Error(`@prisma/adapter-pg transactions no longer support ${label}()`);
  return method;
}

/** Column positions of OID 18 per query, handed from `performIO` to the `queryRaw` that called it. */
const charColumnsByQuery = new WeakMap<SqlQuery, number[]>();

type PerformIO = (query: SqlQuery) => Promise<pg.QueryResult>;

/**
 * adapter-pg maps column OIDs to engine types inside `queryRaw` and throws on OID 18 before we could see
 * the result. Its private `performIO` is the only seam: report OID 18 as text there (the values are
 * already plain strings), remember the positions, and fix the types in `queryWithCharColumns`.
 */
function reportCharColumns(queryable: object): void {
  const target = queryable as { performIO?: PerformIO };
  const original = target.performIO;
  if (typeof original !== "function") {
    throw new Error("@prisma/adapter-pg no longer has performIO(): lib/dev/migrate.ts needs updating for this version.");
  }
  target.performIO = async function (this: unknown, query: SqlQuery) {
    const result = await original.call(this, query);
    const positions: number[] = [];
    const fields = result.fields.map((field, i) => {
      if (field.dataTypeID !== PG_CHAR_OID) return field;
      positions.push(i);
      return { ...field, dataTypeID: PG_TEXT_OID };
    });
    if (positions.length === 0) return result;
    charColumnsByQuery.set(query, positions);
    return { ...result, fields };
  };
}

async function queryWithCharColumns(
  queryable: { queryRaw(query: SqlQuery): Promise<SqlResultSet> },
  query: SqlQuery,
): Promise<SqlResultSet> {
  const result = await queryable.queryRaw(query);
  const positions = charColumnsByQuery.get(query);
  if (positions) {
    charColumnsByQuery.delete(query);
    for (const i of positions) result.columnTypes[i] = ColumnTypeEnum.Character;
  }
  return result;
}

function toDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  // The engine reports this kind like a native Postgres error (code, message, detail, hint).
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code ?? "N/A",
    severity: error.severity ?? "N/A",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}

// ---------------------------------------------------------------------------------------------------
// Connection strings

/** Discrete pg settings from a URL: `pg` ignores `database` next to a `connectionString`. */
export function parseDatabaseUrl(databaseUrl: string): { config: pg.PoolConfig; schema: string | undefined } {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error("DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database)");
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(`Only PostgreSQL URLs are supported, got "${url.protocol}"`);
  }
  const params = url.searchParams;
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  const schema = params.get("schema") ?? undefined;
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) {
    throw new Error(`Unsupported schema name in DATABASE_URL: "${schema}"`);
  }
  const sslmode = params.get("sslmode");
  const config: pg.PoolConfig = {
    // `?host=/path` is how libpq-style URLs point at a Unix socket folder.
    host: params.get("host") ?? (decodeURIComponent(url.hostname.replace(/^\[|\]$/g, "")) || "localhost"),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database: database || undefined,
    ssl:
      sslmode === null || sslmode === "disable" || sslmode === "prefer" || sslmode === "allow"
        ? undefined
        : { rejectUnauthorized: sslmode === "verify-full" || sslmode === "verify-ca" },
    // Migration scripts use unqualified names: like Prisma's native engine, `?schema=` must move them.
    options: schema === undefined ? undefined : `-c search_path=${schema}`,
    application_name: "manager-migrate",
    // pg waits forever by default; a firewalled host should fail the command, not hang CI.
    connectionTimeoutMillis: 15_000,
    max: 4,
  };
  return { config, schema };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
