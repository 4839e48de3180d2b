import { setTimeout as delay } from "node:timers/promises";
import pg from "pg";

/** One message stored by the mail catcher (see mail-catcher.ts). */
export type CaughtMail = {
  id: number;
  receivedAt: Date;
  /** Envelope sender. */
  mailFrom: string | null;
  /** Envelope recipients, lowercased. */
  rcptTo: string[];
  subject: string | null;
  text: string | null;
  html: string | null;
  headers: Record<string, string | string[]>;
};

export type MailboxDb = string | pg.Pool;

type Row = {
  id: string;
  received_at: Date;
  mail_from: string | null;
  rcpt_to: string[];
  subject: string | null;
  text_body: string | null;
  html_body: string | null;
  headers: Record<string, string | string[]>;
};

type Queryable = Pick<pg.Pool, "query">;

/** Caught mails, newest first, optionally for one recipient and/or newer than `sinceId`. */
export async function listCaughtMail(
  db: MailboxDb,
  filter: { to?: string; limit?: number; sinceId?: number } = {},
): Promise<CaughtMail[]> {
  return withDb(db, (q) => queryMail(q, { ...filter, limit: filter.limit ?? 50 }));
}

/**
 * Polls until a mail for `to` (and containing `subjectIncludes` in its subject, and newer than
 * `afterId`) is stored, then returns the newest such mail. Throws once `timeoutMs` has passed.
 */
export async function waitForMail(
  db: MailboxDb,
  opts: { to: string; subjectIncludes?: string; afterId?: number; timeoutMs?: number },
): Promise<CaughtMail> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  return withDb(db, async (q) => {
    for (;;) {
      const [mail] = await queryMail(q, {
        to: opts.to,
        sinceId: opts.afterId,
        subjectIncludes: opts.subjectIncludes,
        limit: 1,
      });
      if (mail) return mail;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        const what = opts.subjectIncludes ? ` with subject containing "${opts.subjectIncludes}"` : "";
        throw new Error(`No mail to ${opts.to}${what} arrived within ${timeoutMs} ms`);
      }
      await delay(Math.min(100, remaining));
    }
  });
}

/** The http(s) URLs found in the plain-text body, in order of appearance, without duplicates. */
export function extractLinks(mail: Pick<CaughtMail, "text">): string[] {
  const found = mail.text?.match(/https?:\/\/[^\s<>"'`]+/g) ?? [];
  // Sentence punctuation right after a URL belongs to the sentence, not the link.
  return [...new Set(found.map((url) => url.replace(/[.,;:!?)\]]+$/, "")))];
}

async function queryMail(
  q: Queryable,
  f: { to?: string; sinceId?: number; subjectIncludes?: string; limit: number },
): Promise<CaughtMail[]> {
  const { rows } = await q.query<Row>(
    `SELECT * FROM sandbox.caught_mail
     WHERE ($1::text IS NULL OR $1 = ANY (rcpt_to))
       AND ($2::bigint IS NULL OR id > $2)
       AND ($3::text IS NULL OR strpos(subject, $3) > 0)
     ORDER BY id DESC
     LIMIT $4`,
    [f.to?.toLowerCase() ?? null, f.sinceId ?? null, f.subjectIncludes ?? null, f.limit],
  );
  return rows.map(toMail);
}

function toMail(row: Row): CaughtMail {
  return {
    id: Number(row.id),
    receivedAt: row.received_at,
    mailFrom: row.mail_from,
    rcptTo: row.rcpt_to,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    headers: row.headers,
  };
}

// A URL gets a short-lived client of its own so callers never have to close anything.
async function withDb<T>(db: MailboxDb, fn: (q: Queryable) => Promise<T>): Promise<T> {
  if (typeof db !== "string") return fn(db);
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
