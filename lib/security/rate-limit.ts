import pg from "pg";
import { MINUTE, now } from "@/lib/clock";
import { poolSettings } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Attempt counters in Postgres (table `rate_limits`), so every app instance shares them. Each attempt is
 * counted by one statement that increments and answers the count (SEC-1): callers consume *before* they
 * check a secret, so N parallel attempts consume N and only those within the limit are checked at all.
 * Time comes from lib/clock, so tests move it instead of waiting.
 */
const globalForRl = globalThis as unknown as { __rlPool?: pg.Pool };

function pool(): pg.Pool {
  if (!globalForRl.__rlPool) {
    globalForRl.__rlPool = new pg.Pool({ connectionString: process.env.DATABASE_URL, ...poolSettings({ poolSize: 4 }) });
    // An idle connection that the database closes (a restart) is dropped by the pool; unheard, it would end the process.
    globalForRl.__rlPool.on("error", (err) => console.error("Database unavailable (rate limits):", err.message));
  }
  return globalForRl.__rlPool;
}

/** A fixed window: `points` attempts per `durationSeconds`; past it, refused until the window (or `blockSeconds`) ends. */
export type LimitSpec = { points: number; durationSeconds: number; blockSeconds?: number };

/**
 * A per-account backoff (SEC-1): the first `freeFailures - 1` failures cost nothing; from the
 * `freeFailures`-th on, each one locks the key for `baseLockSeconds`, doubling up to `maxLockSeconds`.
 * The count is forgotten `forgetAfterSeconds` after the last failure, and a success clears it.
 */
export type BackoffSpec = { freeFailures: number; baseLockSeconds: number; maxLockSeconds: number; forgetAfterSeconds: number };

export const LIMITS = {
  /** Failed sign-ins per e-mail+address: 5 per 15 min, then locked for 15 min (ACC-7). */
  signInPerAccount: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Failed sign-ins per address across accounts, against spraying. */
  signInPerIp: { points: 50, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Reset requests per address+e-mail (SEC-9): past it, requests are silently dropped. */
  passwordResetPerAddress: { points: 3, durationSeconds: 60 * 60 },
  /** Reset mails actually sent to one account per hour, for requests from addresses it never signed in from (SEC-9). */
  passwordResetMailPerEmail: { points: 3, durationSeconds: 60 * 60 },
  twoFactorPerAccount: { points: 5, durationSeconds: 5 * 60, blockSeconds: 5 * 60 },
  apiPerToken: { points: 60, durationSeconds: 60 },
  /** Invitation e-mails sent again (SEC-9, no mail bombing): 3 an hour per invitation, 10 a day per address. */
  invitationResendPerInvitation: { points: 3, durationSeconds: 60 * 60 },
  invitationMailPerAddress: { points: 10, durationSeconds: 24 * 60 * 60 },
  /** Partner invitations sent again (PRT-4, SEC-9): 3 an hour per partnership. */
  partnerInvitationResend: { points: 3, durationSeconds: 60 * 60 },
  /** Failed application-password checks per e-mail+address (tools endpoint, APP-2). */
  appPasswordPerAccount: { points: 10, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Sign-ups per client address (SEC-2): each one mails an address someone typed. `SIGN_UP_LIMIT_PER_HOUR` overrides. */
  signUpPerIp: { points: Number(process.env.SIGN_UP_LIMIT_PER_HOUR) || 10, durationSeconds: 60 * 60 },
  /** Login e-mail confirmation links sent again per account (SEC-2). */
  emailConfirmPerAccount: { points: 3, durationSeconds: 60 * 60 },
  /** "Someone tried to sign up with your address" notices per address (SEC-9: no mail bombing through sign-up). */
  signUpNoticePerAddress: { points: 3, durationSeconds: 24 * 60 * 60 },
  /** Login e-mail change requests per account (each mails a link to an address the user typed, ACC-1). */
  emailChangePerAccount: { points: 5, durationSeconds: 60 * 60 },
  /** SMS codes sent per account (enrolment and sign-in), so resending cannot flood a phone (2FA-5). */
  smsSendPerAccount: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Wrong entries of one SMS code: after 5 the code dies and a new one must be sent (2FA-5). */
  smsCodeAttempts: { points: 5, durationSeconds: 15 * 60 },
  /** Calls for tenders per client address (TND-1): each one mails the address typed and every opted-in partner. `TENDER_LIMIT_PER_DAY` overrides. */
  tenderSubmitPerIp: { points: Number(process.env.TENDER_LIMIT_PER_DAY) || 5, durationSeconds: 24 * 60 * 60 },
  /** "Resend the procedure" of a blocked order (IDV-4): each mails a new link to the person who placed it. */
  unblockProcedurePerOrder: { points: 3, durationSeconds: 60 * 60 },
  /** Identity-verification help requests per user (each sends an e-mail). */
  identityHelpPerUser: { points: 5, durationSeconds: 60 * 60 },
  /** "My data" downloads per person (each reads their whole activity log). */
  personalDataExportPerUser: { points: 5, durationSeconds: 60 * 60 },
  /** Identity checks opened from the sign-in help (IDV-1) per client address, and mails per contact address (SEC-9). */
  identityCheckPerAddress: { points: 5, durationSeconds: 60 * 60 },
  identityCheckMailPerEmail: { points: 3, durationSeconds: 24 * 60 * 60 },
  /** Phone confirmation codes sent per identity-verification case. */
  identitySmsPerCase: { points: 5, durationSeconds: 60 * 60 },
  /** Wrong phone confirmation codes per case; past the limit the code is void and a new one is needed. */
  identityCodePerCase: { points: 5, durationSeconds: 10 * 60 },
} satisfies Record<string, LimitSpec>;

export const BACKOFFS = {
  /** Password checks per account, from any address (sign-in, password typed again): 1 min doubling to 30 min after 10 failures. */
  passwordBackoff: { freeFailures: 10, baseLockSeconds: 60, maxLockSeconds: 30 * 60, forgetAfterSeconds: 60 * 60 },
  /** Application-password checks per account, from any address (tools endpoint). */
  appPasswordBackoff: { freeFailures: 20, baseLockSeconds: 60, maxLockSeconds: 30 * 60, forgetAfterSeconds: 60 * 60 },
} satisfies Record<string, BackoffSpec>;

export type LimitName = keyof typeof LIMITS;
export type BackoffName = keyof typeof BACKOFFS;
export type LimitState = { allowed: boolean; remaining: number; retryAfterSeconds: number; limit: number };

const keyOf = (name: string, key: string) => `${name}:${key}`.slice(0, 255);
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Counts one attempt and answers whether it is within the limit. One statement: the row is created or
 * updated under its lock, so concurrent attempts are counted one after the other. A key already past its
 * limit is not updated (no row comes back) and stays refused until its window or block ends.
 */
export async function consume(name: LimitName, key: string): Promise<LimitState> {
  const spec: LimitSpec = LIMITS[name];
  const t = now().getTime();
  const res = await pool().query<{ points: number; expire: string }>(
    `INSERT INTO rate_limits AS r (key, points, expire) VALUES ($1, 1, $2::bigint + $3::bigint)
     ON CONFLICT (key) DO UPDATE SET
       points = CASE WHEN r.expire IS NULL OR r.expire <= $2 THEN 1 ELSE r.points + 1 END,
       expire = CASE WHEN r.expire IS NULL OR r.expire <= $2 THEN $2::bigint + $3::bigint
                     WHEN r.points + 1 > $4 AND $5 > 0 THEN GREATEST(r.expire, $2::bigint + $5::bigint)
                     ELSE r.expire END
     WHERE r.expire IS NULL OR r.expire <= $2 OR r.points <= $4
     RETURNING points, expire`,
    [keyOf(name, key), t, spec.durationSeconds * 1000, spec.points, (spec.blockSeconds ?? 0) * 1000],
  );
  const row = res.rows[0] ?? (await read(keyOf(name, key)));
  const points = row ? Number(row.points) : spec.points + 1;
  const expire = row ? Number(row.expire) : t + spec.durationSeconds * 1000;
  return { allowed: res.rows.length > 0 && points <= spec.points, remaining: Math.max(0, spec.points - points), retryAfterSeconds: seconds(expire - t), limit: spec.points };
}

/**
 * Counts one attempt against a per-account backoff and answers whether it may be checked. Refused while
 * the key is locked (the refused attempt changes nothing, so it neither counts nor extends the lock).
 * Counted attempts lock the *next* ones once the free failures are spent; a success calls `clearLimits`.
 */
export async function consumeBackoff(name: BackoffName, key: string): Promise<LimitState> {
  const spec: BackoffSpec = BACKOFFS[name];
  const t = now().getTime();
  const res = await pool().query<{ points: number; blocked_until: string | null }>(
    `INSERT INTO rate_limits AS r (key, points, expire, blocked_until)
     VALUES ($1, 1, $2::bigint + $3::bigint, CASE WHEN 1 >= $4 THEN $2::bigint + $5::bigint END)
     ON CONFLICT (key) DO UPDATE SET
       points = CASE WHEN r.expire IS NULL OR r.expire <= $2 THEN 1 ELSE r.points + 1 END,
       expire = $2::bigint + $3::bigint,
       blocked_until = CASE
         WHEN (CASE WHEN r.expire IS NULL OR r.expire <= $2 THEN 1 ELSE r.points + 1 END) < $4 THEN NULL
         ELSE $2::bigint + LEAST($6::bigint,
           $5::bigint * power(2, LEAST(20, (CASE WHEN r.expire IS NULL OR r.expire <= $2 THEN 1 ELSE r.points + 1 END) - $4))::bigint)
       END
     WHERE r.blocked_until IS NULL OR r.blocked_until <= $2
     RETURNING points, blocked_until`,
    [keyOf(name, key), t, spec.forgetAfterSeconds * 1000, spec.freeFailures, spec.baseLockSeconds * 1000, spec.maxLockSeconds * 1000],
  );
  if (res.rows.length > 0) {
    const points = Number(res.rows[0].points);
    return { allowed: true, remaining: Math.max(0, spec.freeFailures - points), retryAfterSeconds: 0, limit: spec.freeFailures };
  }
  const row = await read(keyOf(name, key));
  return { allowed: false, remaining: 0, retryAfterSeconds: seconds(Number(row?.blocked_until ?? t + MINUTE) - t), limit: spec.freeFailures };
}

async function read(fullKey: string) {
  const res = await pool().query<{ points: number; expire: string; blocked_until: string | null }>(`SELECT points, expire, blocked_until FROM rate_limits WHERE key = $1`, [fullKey]);
  return res.rows[0] ?? null;
}

/** Forgets the counters of a key (after a success: the right secret, a reset password). */
export async function reset(name: LimitName | BackoffName, key: string): Promise<void> {
  await pool().query(`DELETE FROM rate_limits WHERE key = $1`, [keyOf(name, key)]);
}

/** Forgets several counters in one statement, e.g. after a successful sign-in. */
export async function clearLimits(entries: [LimitName | BackoffName, string][]): Promise<void> {
  if (entries.length === 0) return;
  await pool().query(`DELETE FROM rate_limits WHERE key = ANY($1::text[])`, [entries.map(([name, key]) => keyOf(name, key))]);
}

/** Gives back the point an attempt took, when it succeeded (a shared address's successes are not failures). */
export async function refund(name: LimitName, key: string): Promise<void> {
  await pool().query(`UPDATE rate_limits SET points = GREATEST(points - 1, 0) WHERE key = $1 AND expire > $2`, [keyOf(name, key), now().getTime()]);
}

export async function consumeOrThrow(name: LimitName, key: string): Promise<LimitState> {
  const state = await consume(name, key);
  if (!state.allowed) throw new AppError("RATE_LIMITED", "errors.RATE_LIMITED", undefined, state.retryAfterSeconds);
  return state;
}
