export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_INPUT"
  | "RATE_LIMITED";

export type FieldErrors = Record<string, string[]>;

/**
 * An expected failure. `message` is a translation key under `errors.` (never raw text for the user),
 * so every entry point can show it in the user's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string = `errors.${code}`,
    readonly fieldErrors?: FieldErrors,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 422,
  RATE_LIMITED: 429,
};

/** SQLSTATE class 22 ("data exception"), from the driver adapter or from a raw pg client. */
function isPostgresDataException(err: unknown): boolean {
  const e = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string; originalCode?: string } } } } | null;
  const adapter = e?.meta?.driverAdapterError?.cause;
  if (adapter?.kind === "InvalidInputValue" || adapter?.kind === "ValueOutOfRange") return true;
  const sqlState = adapter ? (adapter.originalCode ?? adapter.code) : typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;
  return !!sqlState && sqlState.startsWith("22");
}

/** Maps known database failures to AppErrors; anything else stays unknown (500, logged, never leaked). */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string } | null)?.code;
  if (code === "P2002") return new AppError("CONFLICT", "errors.alreadyExists");
  if (code === "P2025") return new AppError("NOT_FOUND");
  // Serialization failures under concurrency: the caller may retry; the user sees a conflict.
  if (code === "P2034" || code === "40001") return new AppError("CONFLICT", "errors.tryAgain");
  // SEC-5: PostgreSQL refused a value the input carried (a NUL byte, too long for its column, not a number):
  // the request is invalid, not the server broken.
  if (code === "P2000" || isPostgresDataException(err)) return new AppError("INVALID_INPUT", "errors.INVALID_INPUT");
  return null;
}

/**
 * Stamped on a database-outage error as its `digest`: Next.js keeps an existing digest when it hides a
 * server error from the browser, so the error page can tell an outage from a bug without seeing either.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "MANAGER_DATABASE_UNAVAILABLE";

// Prisma: can't reach / timed out / server closed the connection / pool timeout.
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// The driver adapter's own classification of a pg failure.
const UNREACHABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
// Node's socket errors and PostgreSQL's shutdown / not-accepting-connections states (raw pg clients), and
// 57014, a statement cancelled by `statement_timeout` (lib/db.ts): the database is too busy to answer now.
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE", "57P01", "57P02", "57P03", "53300", "57014"]);
// pg's "not queryable": a pooled connection the server closed (PostgreSQL stopped) used once more.
// P2028 is any misuse of the transaction API; only "could not start in time" (every connection of the pool
// busy past `maxWait`) means the database is too busy right now.
const UNREACHABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|Unable to start a transaction in the given time|Client has encountered a connection error and is not queryable/i;

/** Whether a failure means the database cannot be reached right now (not a bug: "try again in a moment"). */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 4) return false;
  if ((err as { digest?: unknown }).digest === DATABASE_UNAVAILABLE_DIGEST) return true;
  const e = err as { name?: string; code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } }; cause?: unknown };
  if (e.name === "PrismaClientInitializationError") return true;
  const code = typeof e.code === "string" ? e.code : undefined;
  if (code && (UNREACHABLE_PRISMA_CODES.has(code) || UNREACHABLE_CODES.has(code))) return true;
  const adapter = e.meta?.driverAdapterError?.cause;
  if (adapter?.kind && UNREACHABLE_ADAPTER_KINDS.has(adapter.kind)) return true;
  if (adapter?.kind === "postgres" && adapter.code && UNREACHABLE_CODES.has(adapter.code)) return true;
  if (typeof e.message === "string" && UNREACHABLE_MESSAGES.test(e.message) && !(err instanceof AppError)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
