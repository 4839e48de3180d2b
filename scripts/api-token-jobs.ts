/**
 * TOK-3 scheduled jobs, to run daily (cron, systemd timer…): `DATABASE_URL=… npx tsx scripts/api-token-jobs.ts`.
 * Warns owners 30 and 7 days before a token expires or is deactivated, then deactivates year-idle tokens.
 * Both are idempotent.
 */
import { disableIdleTokens } from "@/lib/api-tokens/disable-idle-tokens";
import { warnExpiringTokens } from "@/lib/api-tokens/warn-expiring-tokens";
import { getDb } from "@/lib/db";

async function main() {
  const db = getDb();
  const { warned } = await warnExpiringTokens(db);
  const { disabled } = await disableIdleTokens(db);
  console.log(`API tokens: ${warned} warned, ${disabled} disabled for idleness.`);
  await db.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
