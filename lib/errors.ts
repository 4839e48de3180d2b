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

/** Maps known database failures to AppErrors; anything else stays unknown (500, logged, never leaked). */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string } | null)?.code;
  if (code === "P2002") return new AppError("CONFLICT", "errors.alreadyExists");
  if (code === "P2025") return new AppError("NOT_FOUND");
  // Serialization failures under concurrency: the caller may retry; the user sees a conflict.
  if (code === "P2034" || code === "40001") return new AppError("CONFLICT", "errors.tryAgain");
  return null;
}
