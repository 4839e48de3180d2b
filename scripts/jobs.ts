/**
 * The scheduled jobs run by themselves inside every server instance (see instrumentation.ts).
 * This command lists them or runs one at once, outside the queue, for operators:
 *   npm run jobs -- list
 *   npm run jobs -- run api-tokens-daily
 */
import { getDb } from "@/lib/db";
import { findJob, JOBS } from "@/lib/jobs/definitions";

async function main() {
  const [command, name] = process.argv.slice(2);
  if (command === "run" && name) {
    const job = findJob(name);
    if (!job) throw new Error(`Unknown job "${name}". Try: npm run jobs -- list`);
    const db = getDb();
    console.log(`${job.name}: ${JSON.stringify(await job.run(db))}`);
    await db.$disconnect();
    return;
  }
  for (const job of JOBS) console.log(`${job.name.padEnd(24)} ${job.cron.padEnd(14)} ${job.description}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
