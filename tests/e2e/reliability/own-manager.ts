import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { rm } from "node:fs/promises";
import path from "node:path";
import { freePort, startEmbeddedPostgres, type RunningPostgres } from "@/lib/dev/embedded-postgres";
import { ensureDatabase, localSecrets } from "@/lib/dev/local-env";
import { deployMigrations } from "@/lib/dev/migrate";
import { waitForHttp } from "@/lib/dev/wait-for-http";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"], env });
    let errors = "";
    child.stderr?.on("data", (chunk: Buffer) => void (errors += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}: ${errors}`))));
  });
}

export type OwnManager = { url: string; databaseUrl: string; postgres: RunningPostgres; logs: () => string; stop: () => Promise<void> };

/**
 * A Manager of its own for a test that breaks its database: an embedded PostgreSQL on a free port, with the
 * migrations and the demo data, and the production server (scripts/server.ts on the existing build) on
 * another free port — started the way `npm start` starts them, so the shared end-to-end server is untouched.
 */
export async function startOwnManager(name: string): Promise<OwnManager> {
  const dataDir = path.resolve(".data", name);
  await rm(dataDir, { recursive: true, force: true });
  const secrets = await localSecrets(dataDir);
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), persistent: true, quiet: true });
  let web: ChildProcess | null = null;
  const stop = async () => {
    if (web && web.exitCode === null) {
      // Waits for the exit (a condition); a server that ignores SIGTERM past the deadline is killed.
      const exited = once(web, "exit", { signal: AbortSignal.timeout(5000) });
      web.kill("SIGTERM");
      await exited.catch(() => web!.kill("SIGKILL"));
    }
    await postgres.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  };
  let output = "";
  try {
    await ensureDatabase(postgres.adminUrl, "manager");
    const databaseUrl = postgres.urlFor("manager");
    await deployMigrations(databaseUrl);
    // The demo data, as `npm run seed` loads it (its staff's authenticator secret under this instance's key).
    await run(process.execPath, ["--import", "tsx", path.resolve("scripts", "seed.ts")], { ...process.env, DATABASE_URL: databaseUrl, MANAGER_ENCRYPTION_KEY: secrets.encryptionKey });
    const port = await freePort();
    const url = `http://localhost:${port}`;
    web = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts", "server.ts")], {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: databaseUrl,
        // No mail leaves this instance: nothing listens there, and the outbox keeps what it could not send.
        SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
        APP_URL: url,
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: secrets.authSecret,
        MANAGER_ENCRYPTION_KEY: secrets.encryptionKey,
        PAYMENT_WEBHOOK_SECRET: secrets.paymentWebhookSecret,
        MAILBOX_ENABLED: "0",
        // The job queue runs, as with `npm start`: it must live through the database's outage too.
        MANAGER_JOBS: "1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-200_000));
    web.stdout?.on("data", keep);
    web.stderr?.on("data", keep);
    await waitForHttp(`http://127.0.0.1:${port}/sign-in`, 120_000);
    return { url, databaseUrl, postgres, logs: () => output, stop };
  } catch (err) {
    await stop();
    throw new Error(`the Manager of the test did not start: ${err instanceof Error ? err.message : String(err)}\n${output}`);
  }
}
