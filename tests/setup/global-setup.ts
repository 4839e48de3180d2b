import { rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/dev/embedded-postgres";
import { ensureDatabase } from "@/lib/dev/local-env";
import { startMailCatcher } from "@/lib/dev/mail-catcher";
import { deployMigrations } from "@/lib/dev/migrate";

export const TEMPLATE_DB = "manager_template";

/**
 * One real PostgreSQL for the whole run: a template database with every migration applied, cloned per
 * test file (tests/setup/per-file.ts) so files run in parallel without sharing rows; and one real SMTP
 * catcher whose mail lands in the `mailbox` database.
 */
export default async function setup(project: TestProject) {
  const dataDir = path.resolve(".data", `test-pg-${process.pid}`);
  const pg = await startEmbeddedPostgres({ dataDir, persistent: false, quiet: true });
  await ensureDatabase(pg.adminUrl, TEMPLATE_DB);
  await deployMigrations(pg.urlFor(TEMPLATE_DB));
  await ensureDatabase(pg.adminUrl, "mailbox");
  const catcher = await startMailCatcher({ databaseUrl: pg.urlFor("mailbox") });
  project.provide("pgAdminUrl", pg.adminUrl);
  project.provide("templateDb", TEMPLATE_DB);
  project.provide("smtpUrl", catcher.smtpUrl);
  project.provide("mailboxUrl", pg.urlFor("mailbox"));
  return async () => {
    await catcher.stop();
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDb: string;
    smtpUrl: string;
    mailboxUrl: string;
  }
}
