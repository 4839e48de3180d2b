import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

type LocalSecrets = { authSecret: string; encryptionKey: string; paymentWebhookSecret: string };

/** Secrets generated once per data folder, so sessions survive restarts without any setup. */
export async function localSecrets(dataDir: string): Promise<LocalSecrets> {
  const file = path.join(dataDir, "secrets.json");
  const stored: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(await readFile(file, "utf8")) : {};
  // A folder created before a secret existed gets the missing one added, keeping the others.
  const secrets: LocalSecrets = {
    authSecret: stored.authSecret ?? randomBytes(32).toString("base64url"),
    encryptionKey: stored.encryptionKey ?? randomBytes(32).toString("base64"),
    paymentWebhookSecret: stored.paymentWebhookSecret ?? randomBytes(32).toString("base64url"),
  };
  if (Object.keys(stored).length === 3) return secrets;
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Creates a database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}
