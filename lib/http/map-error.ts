import { z } from "zod";
import { HTTP_STATUS, isDatabaseUnavailable, toAppError } from "@/lib/errors";

/** How long a client should wait before trying again while the database is unreachable. */
export const UNAVAILABLE_RETRY_SECONDS = 30;

export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "invalid_input"
  | "rate_limited"
  | "unavailable"
  | "internal";

/**
 * What any entry point may tell the caller about a failure: a status, a stable code, a translation key
 * (with its values) and, for invalid input, the messages per field (translation keys, or zod's own text
 * for a schema without keyed messages). The root of the input is the field "".
 */
export type MappedError = {
  status: number;
  code: ErrorCode;
  key: string;
  values?: Record<string, string | number>;
  fieldErrors?: Record<string, string[]>;
  headers: Record<string, string>;
  /** The input did not match the entry point's own schema (as opposed to a service's verdict). */
  fromSchema?: boolean;
};

export type MapErrorOptions = {
  /** 422 for the console's forms (the default), 400 for the REST API and route handlers (API-4). */
  invalidInputStatus?: 400 | 422;
};

/**
 * The one mapping from a thrown value to an answer (SEC-5: no input produces a 5xx). AppError codes keep
 * their status; zod errors are invalid input with field messages; Prisma's P2002 / P2025 are conflict /
 * not found; an unreachable database is 503 with Retry-After; anything else is a 500 that says nothing
 * but "something went wrong" and is logged here, once.
 */
export function mapError(err: unknown, options: MapErrorOptions = {}): MappedError {
  const invalidStatus = options.invalidInputStatus ?? 422;
  if (err instanceof z.ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of err.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    return { status: invalidStatus, code: "invalid_input", key: "errors.INVALID_INPUT", fieldErrors, headers: {}, fromSchema: true };
  }
  const app = toAppError(err);
  if (app) {
    const headers: Record<string, string> = {};
    let values: MappedError["values"];
    if (app.retryAfterSeconds) {
      values = { minutes: Math.ceil(app.retryAfterSeconds / 60) };
      if (app.code === "RATE_LIMITED") headers["Retry-After"] = String(app.retryAfterSeconds);
    }
    return {
      status: app.code === "INVALID_INPUT" ? invalidStatus : HTTP_STATUS[app.code],
      code: app.code.toLowerCase() as ErrorCode,
      key: app.message,
      values,
      fieldErrors: app.fieldErrors,
      headers,
    };
  }
  if (isDatabaseUnavailable(err)) {
    console.error("Database unavailable:", err instanceof Error ? err.message : err);
    return { status: 503, code: "unavailable", key: "errors.unavailable", headers: { "Retry-After": String(UNAVAILABLE_RETRY_SECONDS) } };
  }
  console.error(err);
  return { status: 500, code: "internal", key: "errors.generic", headers: {} };
}
