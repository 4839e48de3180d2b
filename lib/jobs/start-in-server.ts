import { getDb } from "@/lib/db";
import { startJobRunner } from "@/lib/jobs/runner";

/** Starts the scheduled jobs inside a server instance and stops them with the process. */
export async function startJobsInServer(connectionString: string): Promise<void> {
  const runner = await startJobRunner({
    connectionString,
    db: getDb(),
    onRun: (job, result) => console.log(`job ${job.name}: ${JSON.stringify(result)}`),
  });
  const stop = () => void runner.stop().catch(() => {});
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
