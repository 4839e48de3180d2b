import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";

/**
 * Rate limits live in Postgres (rate-limiter-flexible's store, table `rate_limits` from our migrations),
 * so every app instance shares the same counters.
 */
const globalForRl = globalThis as unknown as { __rlPool?: pg.Pool; __limiters?: Map<string, RateLimiterPostgres> };

function pool(): pg.Pool {
  globalForRl.__rlPool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  return globalForRl.__rlPool;
}

export type LimitSpec = { points: number; durationSeconds: number; blockSeconds?: number };

export const LIMITS = {
  /** Failed sign-ins per e-mail+IP: 5 per 15 min, then locked for 15 min (ACC-7). */
  signInPerAccount: { points: 5, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  /** Failed sign-ins per IP across accounts, against spraying. */
  signInPerIp: { points: 50, durationSeconds: 15 * 60, blockSeconds: 15 * 60 },
  passwordResetPerEmail: { points: 3, durationSeconds: 60 * 60 },
  twoFactorPerAccount: { points: 5, durationSeconds: 5 * 60, blockSeconds: 5 * 60 },
  apiPerToken: { points: 60, durationSeconds: 60 },
  /** Invitation e-mails sent again (SEC-9, no mail bombing): 3 an hour per invitation, 10 a day per address. */
  invitationResendPerInvitation: { points: 3, durationSeconds: 60 * 60 },
  invitationMailPerAddress: { points: 10, durationSeconds: 24 * 60 * 60 },
  /** Failed application-password checks per e-mail+IP (tools endpoint, APP-2). */
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
  /** Identity-verification help requests per user (each sends an e-mail). */
  identityHelpPerUser: { points: 5, durationSeconds: 60 * 60 },
  /** Phone confirmation codes sent per identity-verification case. */
  identitySmsPerCase: { points: 5, durationSeconds: 60 * 60 },
  /** Wrong phone confirmation codes per case; past the limit the code is void and a new one is needed. */
  identityCodePerCase: { points: 5, durationSeconds: 10 * 60 },
} satisfies Record<string, LimitSpec>;

function limiter(name: keyof typeof LIMITS): RateLimiterPostgres {
  globalForRl.__limiters ??= new Map();
  let l = globalForRl.__limiters.get(name);
  if (!l) {
    const spec: LimitSpec = LIMITS[name];
    l = new RateLimiterPostgres({
      storeClient: pool(),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      keyPrefix: name,
      points: spec.points,
      duration: spec.durationSeconds,
      blockDuration: spec.blockSeconds ?? 0,
    });
    globalForRl.__limiters.set(name, l);
  }
  return l;
}

export type LimitState = { allowed: boolean; remaining: number; retryAfterSeconds: number; limit: number };

function toState(name: keyof typeof LIMITS, res: RateLimiterRes, allowed: boolean): LimitState {
  return {
    allowed,
    remaining: Math.max(0, res.remainingPoints),
    retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    limit: LIMITS[name].points,
  };
}

/** Consumes one point; answers whether the caller is still within the limit. */
export async function consume(name: keyof typeof LIMITS, key: string): Promise<LimitState> {
  try {
    const res = await limiter(name).consume(key);
    return toState(name, res, true);
  } catch (err) {
    if (err instanceof RateLimiterRes) return toState(name, err, false);
    throw err;
  }
}

/** Whether the key is currently blocked, without consuming. */
export async function isBlocked(name: keyof typeof LIMITS, key: string): Promise<LimitState> {
  const res = await limiter(name).get(key);
  const spec: LimitSpec = LIMITS[name];
  if (!res) return { allowed: true, remaining: spec.points, retryAfterSeconds: 0, limit: spec.points };
  // Blocked once every point is spent: the next attempt is refused before it is even checked.
  return toState(name, res, res.consumedPoints < spec.points);
}

export async function reset(name: keyof typeof LIMITS, key: string): Promise<void> {
  await limiter(name).delete(key);
}

export async function consumeOrThrow(name: keyof typeof LIMITS, key: string): Promise<LimitState> {
  const state = await consume(name, key);
  if (!state.allowed) throw new AppError("RATE_LIMITED", "errors.RATE_LIMITED", undefined, state.retryAfterSeconds);
  return state;
}
