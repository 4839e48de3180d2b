/**
 * Runs once when a server instance starts: starts the scheduled jobs (Postgres-backed queue) unless
 * MANAGER_JOBS=0. Several instances may run side by side; each job still runs once per slot.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.MANAGER_JOBS === "0" || !process.env.DATABASE_URL) return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobsInServer } = await import("@/lib/jobs/start-in-server");
  await startJobsInServer(process.env.DATABASE_URL);
}
