/**
 * Runs once when a server instance starts: starts the scheduled jobs (Postgres-backed queue) unless
 * MANAGER_JOBS=0. Several instances may run side by side; each job still runs once per slot.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.MANAGER_JOBS === "0" || !process.env.DATABASE_URL) return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobRunner } = await import("@/lib/jobs/runner");
  const { getDb } = await import("@/lib/db");
  const runner = await startJobRunner({
    connectionString: process.env.DATABASE_URL,
    db: getDb(),
    onRun: (job, result) => console.log(`job ${job.name}: ${JSON.stringify(result)}`),
  });
  const stop = () => void runner.stop().catch(() => {});
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
