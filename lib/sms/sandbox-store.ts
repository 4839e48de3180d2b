import type { Db } from "@/lib/db";

export type SandboxSms = { id: string; reference: string; to: string; body: string; acceptedAt: Date; deliveredAt: Date };

// Deliberately outside the Prisma schema, in the "sandbox" schema next to the mail catcher: the sandbox
// stands in for an operator, it is not product data.
const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS sandbox.sms (
    id text PRIMARY KEY,
    reference text NOT NULL UNIQUE,
    to_number text NOT NULL,
    body text NOT NULL,
    accepted_at timestamptz NOT NULL,
    delivered_at timestamptz NOT NULL
  )`;

let ensured: Promise<unknown> | null = null;

async function createTable(db: Db): Promise<void> {
  try {
    await db.$executeRawUnsafe("CREATE SCHEMA IF NOT EXISTS sandbox");
  } catch {
    // Two processes creating the schema at once: the loser's error means it exists now.
  }
  await db.$executeRawUnsafe(CREATE_TABLE);
}

export async function ensureSandboxSmsTable(db: Db): Promise<void> {
  ensured ??= createTable(db).catch((err) => {
    ensured = null;
    throw err;
  });
  await ensured;
}

type Row = { id: string; reference: string; to_number: string; body: string; accepted_at: Date; delivered_at: Date };

/** Sandbox messages, newest first, optionally for one number. */
export async function listSandboxSms(db: Db, filter: { to?: string; limit?: number } = {}): Promise<SandboxSms[]> {
  await ensureSandboxSmsTable(db);
  const limit = filter.limit ?? 50;
  const rows = filter.to
    ? await db.$queryRaw<Row[]>`SELECT * FROM sandbox.sms WHERE to_number = ${filter.to} ORDER BY accepted_at DESC, id DESC LIMIT ${limit}`
    : await db.$queryRaw<Row[]>`SELECT * FROM sandbox.sms ORDER BY accepted_at DESC, id DESC LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    to: r.to_number,
    body: r.body,
    acceptedAt: r.accepted_at,
    deliveredAt: r.delivered_at,
  }));
}

/** The newest sandbox message to `to`, or null (tests read codes from here). */
export async function lastSandboxSms(db: Db, to: string): Promise<SandboxSms | null> {
  const [sms] = await listSandboxSms(db, { to, limit: 1 });
  return sms ?? null;
}
