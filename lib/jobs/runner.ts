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
  onRun?: (job: JobDefinition, result: Record<string, number>) => void;
}): Promise<JobRunner> {
  const jobs = options.jobs ?? JOBS;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOBS_SCHEMA,
    application_name: "manager-jobs",
    max: 3,
    schedule: options.schedule ?? true,
  });
  boss.on("error", (err) => console.error("job queue error", err));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, { name: job.name, retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 });
    if (options.schedule ?? true) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
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
