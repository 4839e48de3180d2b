import { afterEach, describe, expect, test } from "vitest";
import { setTimeout as tick } from "node:timers/promises";
import type { Actor } from "@/lib/access/actor";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { existsSync } from "node:fs";
import { clock, DAY, HOUR } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { resolveStoredPath, writeCaseFile } from "@/lib/identity/storage";
import type { JobDefinition } from "@/lib/jobs/definitions";
import { startJobRunner, type JobRunner } from "@/lib/jobs/runner";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { createOrganization, createUser, DEFAULT_PASSWORD } from "../factories";

const runners: JobRunner[] = [];

afterEach(async () => {
  clock.reset();
  await Promise.all(runners.splice(0).map((r) => r.stop()));
});

async function runner(options: { jobs?: readonly JobDefinition[]; schedule?: boolean } = {}) {
  const started = await startJobRunner({ connectionString: process.env.DATABASE_URL!, db: getDb(), schedule: false, ...options });
  runners.push(started);
  return started;
}

/** Waits for the queue to finish a job (a state change, not a fixed delay); fails after 30 s. */
async function finished(r: JobRunner, name: string, id: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const job = await r.boss.getJobById(name, id, { includeArchive: true });
    if (job && (job.state === "completed" || job.state === "failed")) return job;
    if (Date.now() > deadline) throw new Error(`job ${name} ${id} still ${job?.state}`);
    await tick(100);
  }
}

describe("scheduled jobs on the Postgres-backed queue", () => {
  test("[TOK-3] the daily job, run through the queue, disables a token idle for a year", async () => {
    const db = getDb();
    const owner = await createUser(db);
    const org = await createOrganization(db, { legalRepresentativeId: owner.id });
    const actor: Actor = { kind: "user", userId: owner.id, sessionId: "s", staffRole: null };
    const { token } = await createApiToken(db, actor, { orgIds: [org.id], name: "old", scopes: ["products:read"], password: DEFAULT_PASSWORD });
    expect(await authenticateApiToken(db, token)).toMatchObject({ kind: "token" });

    clock.advance(366 * DAY);
    const r = await runner();
    const job = await finished(r, "api-tokens-daily", await r.enqueue("api-tokens-daily"));
    expect(job.state).toBe("completed");
    expect(job.output).toMatchObject({ disabled: 1 });
    await expect(authenticateApiToken(db, token)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  test("[TOK-3] two app instances share the queue: one job runs once, and one schedule exists per job", async () => {
    let runs = 0;
    const counting: JobDefinition = { name: "count-runs", cron: "0 4 * * *", description: "test", run: async () => ({ runs: ++runs }) };
    const a = await runner({ jobs: [counting], schedule: true });
    const b = await runner({ jobs: [counting], schedule: true });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await (i % 2 ? a : b).enqueue("count-runs"));
    for (const id of ids) expect((await finished(a, "count-runs", id)).state).toBe("completed");
    // Both instances poll the same queue, yet each job ran exactly once.
    expect(runs).toBe(6);
    const schedules = await a.boss.getSchedules();
    expect(schedules.filter((s) => s.name === "count-runs")).toHaveLength(1);
  });

  test("[IDV-3] the purge job, run through the queue, deletes the photos of a check left unhandled for 72 hours", async () => {
    const db = getDb();
    const user = await createUser(db);
    clock.set(new Date("2026-05-04T09:00:00Z"));
    const create = () =>
      db.identityVerification.create({
        data: { userId: user.id, email: user.email, reason: "LOST_TWO_FACTOR", status: "SUBMITTED", tokenHash: hashSecret(randomSecret()), },
      });
    const old = await create();
    await db.identityVerification.update({ where: { id: old.id }, data: { createdAt: new Date("2026-05-04T09:00:00Z") } });
    const oldPath = await writeCaseFile(old.id, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await db.identityDocument.create({ data: { caseId: old.id, kind: "SELFIE", storagePath: oldPath, mimeType: "image/png", sizeBytes: 4 } });
    clock.advance(24 * HOUR);
    const recent = await create();
    await db.identityVerification.update({ where: { id: recent.id }, data: { createdAt: new Date("2026-05-05T09:00:00Z") } });
    const recentPath = await writeCaseFile(recent.id, Buffer.from([0x89, 0x50, 0x4e, 0x47]));

    // 72 h and a minute after the first case: it expires, the second (48 h old) keeps its photo.
    clock.set(new Date("2026-05-07T09:01:00Z"));
    const r = await runner();
    const job = await finished(r, "identity-files-purge", await r.enqueue("identity-files-purge"));
    expect(job.state).toBe("completed");
    expect(job.output).toMatchObject({ expiredCases: 1, deletedFiles: 1 });
    expect(existsSync(resolveStoredPath(oldPath))).toBe(false);
    expect(existsSync(resolveStoredPath(recentPath))).toBe(true);
    expect(await db.identityVerification.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ status: "EXPIRED" });
    expect(await db.identityDocument.count({ where: { caseId: old.id } })).toBe(0);
  });
});
