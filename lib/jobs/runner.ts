import pg from "pg";
import PgBoss from "pg-boss";
import type { Db } from "@/lib/db";
import { JOBS, findJob, type JobDefinition } from "@/lib/jobs/definitions";

/** pg-boss keeps its tables in their own schema, outside the Prisma migrations. */
export const JOBS_SCHEMA = "pgboss";

export type JobRunner = {
  boss: PgBoss;
  /** Queues one run of a job now (as the schedule would) and answers the job id. */
  enqueue(name: string): Promise<string>;
  stop(): Promise<void>;
};

/**
 * Starts the scheduled jobs on a Postgres-backed queue (pg-boss). Every app instance may start it:
 * pg-boss creates one job per cron slot (a singleton per queue and minute) and hands each job to exactly
 * one worker (`FOR UPDATE SKIP LOCKED`), so a job runs once across instances.
 */
export async function startJobRunner(options: {
  connectionString: string;
  db: Db;
  jobs?: readonly JobDefinition[];
  /** Off in tests, which queue runs themselves. */
  schedule?: boolean;
  /** The queue's schema (tests use one of their own to start from an empty database). */
  schema?: string;
  onRun?: (job: JobDefinition, result: Record<string, number>) => void;
}): Promise<JobRunner> {
  const jobs = options.jobs ?? JOBS;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? JOBS_SCHEMA,
    application_name: "manager-jobs",
    max: 3,
    schedule: options.schedule ?? true,
  });
  boss.on("error", (err) => console.error("job queue error", err));
  // Instances starting at once on one database would create the same queues at once, which deadlocks in
  // pg-boss: the setup is serialized across instances by a session advisory lock.
  await withSetupLock(options.connectionString, async () => {
    await boss.start();
    for (const job of jobs) {
      await boss.createQueue(job.name, { name: job.name, retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 });
      if (options.schedule ?? true) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    }
  });
  for (const job of jobs) {
    await boss.work(job.name, { pollingIntervalSeconds: 2 }, async () => {
      const result = await job.run(options.db);
      options.onRun?.(job, result);
      return result;
    });
  }
  return {
    boss,
    async enqueue(name) {
      if (!jobs.some((job) => job.name === name) && !findJob(name)) throw new Error(`Unknown job "${name}"`);
      const id = await boss.send(name, {});
      if (!id) throw new Error(`Job "${name}" was not queued`);
      return id;
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

/** Runs `setup` while holding the job queue's setup lock, which one instance holds at a time. */
async function withSetupLock(connectionString: string, setup: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: "manager-jobs-setup" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('manager.jobs.setup'))");
    await setup();
  } finally {
    // Ending the session releases the lock, also when the setup failed.
    await client.end();
  }
}
