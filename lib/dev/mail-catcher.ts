import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import type { HeaderLines } from "mailparser";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import type { SMTPServerDataStream, SMTPServerSession } from "smtp-server";

export type RunningMailCatcher = {
  port: number;
  /** Value for `SMTP_URL`, e.g. `smtp://127.0.0.1:2525`. */
  smtpUrl: string;
  stop: () => Promise<void>;
};

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

// Deliberately outside the Prisma schema, in a schema of its own (so migrations never see it as drift):
// the development mailbox is a tool, not product data. Older databases kept it in "public": it moves.
const CREATE_TABLE = `
  CREATE SCHEMA IF NOT EXISTS sandbox;
  DO $$ BEGIN
    IF to_regclass('public.caught_mail') IS NOT NULL AND to_regclass('sandbox.caught_mail') IS NULL THEN
      ALTER TABLE public.caught_mail SET SCHEMA sandbox;
    END IF;
  END $$;
  CREATE TABLE IF NOT EXISTS sandbox.caught_mail (
    id bigserial PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now(),
    mail_from text,
    rcpt_to text[] NOT NULL DEFAULT '{}',
    subject text,
    text_body text,
    html_body text,
    headers jsonb NOT NULL DEFAULT '{}'
  );
  CREATE INDEX IF NOT EXISTS caught_mail_rcpt_to_idx ON sandbox.caught_mail USING gin (rcpt_to);
`;

/** Creates (or moves out of "public") the catcher's table; `npm run db` calls it so old databases show no drift. */
export async function ensureCaughtMailTable(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(CREATE_TABLE);
  } finally {
    await client.end();
  }
}

/**
 * Starts a local SMTP server that accepts every message (no auth, no TLS) and stores it in the
 * `sandbox.caught_mail` table, so developers and tests can read what the Manager really sent.
 */
export async function startMailCatcher(opts: {
  port?: number;
  databaseUrl: string;
}): Promise<RunningMailCatcher> {
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 4 });
  let stopping = false;
  // Without a listener, an idle client killed by the server (Postgres restarting or stopping
  // right after us) would crash the process; pool.end() does not wait for clients to close.
  pool.on("error", (err) => {
    if (!stopping) console.error("[mail-catcher] database connection lost:", err.message);
  });
  try {
    await pool.query(CREATE_TABLE);
  } catch (err) {
    await pool.end();
    throw err;
  }

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    rejectOversized: true,
    logger: false,
    // Senders close their connection after each message; no need to wait 30 s on stop.
    closeTimeout: 1000,
    onData(stream, session, callback) {
      void storeMessage(pool, stream, session).then(
        () => callback(),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    },
  });
  server.on("error", (err) => console.error("[mail-catcher]", err));

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => {
      server.server.off("error", reject);
      resolve();
    });
  }).catch(async (err: unknown) => {
    await pool.end();
    throw err;
  });

  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    smtpUrl: `smtp://127.0.0.1:${port}`,
    stop: async () => {
      stopping = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

async function storeMessage(pool: pg.Pool, stream: SMTPServerDataStream, session: SMTPServerSession) {
  const raw = await readCapped(stream, MAX_MESSAGE_BYTES);
  // smtp-server answers 552 for oversized messages (rejectOversized); there is nothing to keep.
  if (!raw || stream.sizeExceeded) return;
  const parsed = await simpleParser(raw);
  const envelope = session.envelope;
  const mailFrom = envelope.mailFrom ? envelope.mailFrom.address : (parsed.from?.text ?? null);
  await pool.query(
    `INSERT INTO sandbox.caught_mail (mail_from, rcpt_to, subject, text_body, html_body, headers)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      mailFrom,
      envelope.rcptTo.map((r) => r.address.toLowerCase()),
      parsed.subject ?? null,
      parsed.text ?? null,
      parsed.html || null,
      JSON.stringify(headerObject(parsed.headerLines)),
    ],
  );
}

/** The whole message, or null once it grows past `limit` (the rest is drained, not kept). */
async function readCapped(stream: SMTPServerDataStream, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size <= limit ? Buffer.concat(chunks) : null;
}

/** Raw header values by lowercased name; repeated headers (Received…) become arrays. */
function headerObject(lines: HeaderLines): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const { key, line } of lines) {
    const value = line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
