import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";

/**
 * Each test file gets its own database, cloned from the migrated template, and the environment the
 * application code reads (DATABASE_URL, SMTP_URL, secrets). getDb() then talks to that database.
 */
const adminUrl = inject("pgAdminUrl");
const name = `t_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDb")}"`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.SMTP_URL = inject("smtpUrl");
process.env.MAILBOX_URL = inject("mailboxUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-not-for-production";
process.env.MANAGER_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.PAYMENT_WEBHOOK_SECRET ??= "test-payment-webhook-secret";
process.env.APP_URL ??= "http://localhost:3000";
// Files the code writes (identity photos) go to a folder of this test file, never to the developer's .data.
const dataDir = mkdtempSync(path.join(tmpdir(), "manager-test-"));
process.env.MANAGER_DATA_DIR = dataDir;

afterAll(async () => {
  const g = globalThis as unknown as { __managerDb?: { $disconnect(): Promise<void> }; __rlPool?: { end(): Promise<void> } };
  await g.__managerDb?.$disconnect();
  await g.__rlPool?.end();
  rmSync(dataDir, { recursive: true, force: true });
});
