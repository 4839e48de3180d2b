/**
 * `npm start`: the whole Manager on one machine. Without DATABASE_URL it runs an embedded PostgreSQL
 * (data kept in .data/postgres); without SMTP_URL a local SMTP catcher whose mail shows at /mailbox.
 * It applies migrations, seeds demo data once, builds when the sources changed, serves, and stops
 * everything cleanly on Ctrl-C. With MANAGER_INSTANCES=N (N > 1) it serves N web servers on the one
 * database behind a round-robin proxy on PORT (lib/http/round-robin-proxy.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import type { Server } from "node:http";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createDb } from "../lib/db";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "../lib/dev/embedded-postgres";
import { ensureDatabase, localSecrets } from "../lib/dev/local-env";
import { startMailCatcher, type RunningMailCatcher } from "../lib/dev/mail-catcher";
import { waitForHttp } from "../lib/dev/wait-for-http";
import { deployMigrations } from "../lib/dev/migrate";
import { parseTrustedProxies } from "../lib/http/client-address";
import { createRoundRobinProxy } from "../lib/http/round-robin-proxy";
import { DEMO_LOGINS, seedDemoData } from "../prisma/seed";

const root = process.cwd();
const dataDir = path.resolve(process.env.MANAGER_DATA_DIR ?? ".data");
const t0 = Date.now();
const log = (m: string) => console.log(`[manager] ${m}`);

let postgres: RunningPostgres | null = null;
let catcher: RunningMailCatcher | null = null;
const webs: ChildProcess[] = [];
let proxy: Server | null = null;
let stopping = false;

/** MANAGER_INSTANCES: how many web servers to run behind the round-robin proxy (1: no proxy). */
function instanceCount(): number {
  const raw = (process.env.MANAGER_INSTANCES ?? "1").trim() || "1";
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 16) throw new Error(`MANAGER_INSTANCES: "${raw}" is not a number from 1 to 16`);
  return Number(raw);
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  proxy?.close();
  proxy?.closeAllConnections();
  const running = webs.filter((web) => web.exitCode === null);
  const exited = Promise.all(running.map((web) => new Promise((r) => web.once("exit", r))));
  for (const web of running) web.kill("SIGTERM");
  if (running.length) await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  await catcher?.stop().catch(() => {});
  await postgres?.stop().catch(() => {});
  log("stopped");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public"].filter((d) => existsSync(d)).map((d) => newestMtime(path.join(root, d)));
  const files = ["package.json", "next.config.ts", "postcss.config.mjs"].map((f) => statSync(path.join(root, f)).mtimeMs);
  return Math.max(...sources, ...files) > built;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    child.on("exit", (c) => (c === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${c}`))));
  });
}

async function main() {
  const instances = instanceCount();
  if (process.env.MANAGER_FRESH === "1") await rm(dataDir, { recursive: true, force: true });
  const secrets = await localSecrets(dataDir);
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port: Number(process.env.MANAGER_PG_PORT ?? 54329),
      persistent: true,
      quiet: true,
    });
    await ensureDatabase(postgres.adminUrl, "manager");
    databaseUrl = postgres.urlFor("manager");
    log(`embedded PostgreSQL on 127.0.0.1:${postgres.port} (data in ${path.relative(root, path.join(dataDir, "postgres")) || "."})`);
  }

  const applied = await deployMigrations(databaseUrl);
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema up to date");

  if (process.env.MANAGER_SEED !== "0") {
    // The demo staff's authenticator secret is stored encrypted under the key the server will use.
    process.env.MANAGER_ENCRYPTION_KEY ??= secrets.encryptionKey;
    const db = createDb(databaseUrl);
    const { created } = await seedDemoData(db);
    await db.$disconnect();
    log(created ? "demo data created" : "demo data already present (kept as is)");
  }

  let smtpUrl = process.env.SMTP_URL;
  if (!smtpUrl) {
    catcher = await startMailCatcher({ port: await freePort(Number(process.env.MANAGER_SMTP_PORT ?? 2525)), databaseUrl });
    smtpUrl = catcher.smtpUrl;
    log(`SMTP catcher on ${smtpUrl}`);
  }

  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "127.0.0.1";
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.authSecret,
    MANAGER_ENCRYPTION_KEY: process.env.MANAGER_ENCRYPTION_KEY ?? secrets.encryptionKey,
    PAYMENT_WEBHOOK_SECRET: process.env.PAYMENT_WEBHOOK_SECRET ?? secrets.paymentWebhookSecret,
    MAILBOX_ENABLED: catcher ? "1" : "0",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (process.env.MANAGER_SKIP_BUILD !== "1" && needsBuild()) {
    log("building the web app (first start or sources changed)…");
    await run(process.execPath, [nextBin, "build"], env);
  }

  // Our own server in front of Next.js's handler: the client's address comes from the connection (SEC-1).
  const spawnWeb = (webEnv: NodeJS.ProcessEnv) => {
    const web = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "server.ts")], { stdio: ["ignore", "inherit", "inherit"], env: webEnv });
    webs.push(web);
    web.on("exit", (c) => {
      if (!stopping) {
        log(`web server exited (${c})`);
        void shutdown(c ?? 1);
      }
    });
  };
  if (instances === 1) {
    spawnWeb({ ...env, PORT: String(port), HOST: host });
    await waitForHttp(`http://127.0.0.1:${port}/sign-in`, 120_000);
  } else {
    // N instances on loopback ports, started side by side; each trusts exactly the proxy's one hop, the
    // proxy applies the operator's TRUSTED_PROXIES. HOST stays the public bind address (mailbox check).
    const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
    const ports: number[] = [];
    while (ports.length < instances) {
      const free = await freePort();
      if (!ports.includes(free)) ports.push(free);
    }
    ports.forEach((p) => spawnWeb({ ...env, PORT: String(p), HOST: host, MANAGER_LISTEN_HOST: "127.0.0.1", TRUSTED_PROXIES: "1" }));
    await Promise.all(ports.map((p) => waitForHttp(`http://127.0.0.1:${p}/sign-in`, 180_000)));
    proxy = createRoundRobinProxy({
      targets: ports.map((p) => `http://127.0.0.1:${p}`),
      trusted,
      instanceHeader: process.env.MANAGER_INSTANCE_HEADER === "1",
    });
    await new Promise<void>((resolve, reject) => {
      proxy!.once("error", reject);
      proxy!.listen(port, host, () => resolve());
    });
    log(`${instances} web servers (ports ${ports.join(", ")}) behind the round-robin proxy on ${host}:${port}`);
  }

  // Lets end-to-end tests find the database and the mailbox of this instance.
  await writeFile(path.join(dataDir, "runtime.json"), JSON.stringify({ appUrl, databaseUrl, smtpUrl }, null, 2));

  const lines = [
    "",
    `  Manager is ready at ${appUrl}  (started in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    catcher ? `  Mailbox (every e-mail sent): ${appUrl}/mailbox` : `  E-mail goes to ${smtpUrl}`,
    "",
    "  Demo logins:",
    ...DEMO_LOGINS.map((l) => `    ${l.email.padEnd(22)} ${l.password}   ${l.description}${"totpSecret" in l ? ` — authenticator secret ${l.totpSecret}` : ""}`),
    "",
    "  Press Ctrl-C to stop.",
    "",
  ];
  console.log(lines.join("\n"));
}

main().catch((err) => {
  console.error(err);
  void shutdown(1);
});
