import type { z } from "zod";
import { authenticateApiToken, type TokenActor } from "@/lib/api-tokens/authenticate-api-token";
import type { Action } from "@/lib/access/permissions";
import { requireAccess } from "@/lib/access/require-access";
import { scopesInclude, type TokenScope } from "@/lib/api-tokens/scopes";
import { clientAddress } from "@/lib/http/client-address";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import en from "@/lib/i18n/messages/en.json";
import { consume, type LimitState } from "@/lib/security/rate-limit";
import { mapError } from "./map-error";
import { snakeKeys } from "./snake-case";

/** The API versions served; `/api/…` without a version means the latest (API-2). */
export const API_VERSIONS = ["1"] as const;
export const LATEST_API_VERSION = "1";

export type ApiSuccess = { data: unknown; total?: number; page?: number; per_page?: number; next_cursor?: string | null; status?: number };

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type HandlerArgs<S extends z.ZodType | undefined> = {
  db: Db;
  actor: TokenActor;
  input: S extends z.ZodType ? z.output<S> : undefined;
  params: Record<string, string>;
  request: Request;
};

function describe(key: string): string {
  let node: unknown = en;
  for (const part of key.split(".")) {
    if (node && typeof node === "object" && part in node) node = (node as Record<string, unknown>)[part];
    else return "";
  }
  return typeof node === "string" ? node : "";
}

const GENERIC: Record<string, string> = {
  unauthenticated: "A valid API token is required (Authorization: Bearer …).",
  forbidden: "The token's scopes or its owner's role do not allow this.",
  not_found: "Not found.",
  conflict: "The request conflicts with the current state.",
  invalid_input: "The input is invalid.",
  rate_limited: "Too many requests: 60 per minute per token.",
  unavailable: "The service is temporarily unavailable. Try again in a moment.",
  internal: "An unexpected error occurred.",
};

export function errorResponse(status: number, code: string, description?: string, extra?: Record<string, unknown>, headers?: HeadersInit): Response {
  return Response.json(
    { result: "error", error: { code, description: description || GENERIC[code] || GENERIC.internal, ...extra } },
    { status, headers: { "Cache-Control": "no-store", ...Object.fromEntries(new Headers(headers).entries()) } },
  );
}

function limitHeaders(state: LimitState): Record<string, string> {
  const h: Record<string, string> = {
    "X-RateLimit-Limit": String(state.limit),
    "X-RateLimit-Remaining": String(state.remaining),
    "X-RateLimit-Reset": String(state.retryAfterSeconds),
  };
  if (!state.allowed) h["Retry-After"] = String(state.retryAfterSeconds);
  return h;
}

/**
 * Every failure of the REST API, through the one mapping (lib/http/map-error.ts), in the API's envelope:
 * English descriptions, field paths → messages, 400 for invalid input (API-4), 503 with Retry-After while
 * the database is unreachable, and a 500 that leaks nothing.
 */
export function toErrorResponse(err: unknown, headers?: Record<string, string>): Response {
  const mapped = mapError(err, { invalidInputStatus: 400 });
  const fields = mapped.fieldErrors
    ? Object.fromEntries(Object.entries(mapped.fieldErrors).map(([k, v]) => [k || "_", v.map((m) => describe(m) || m)]))
    : undefined;
  const description = mapped.fromSchema || mapped.code === "internal" ? GENERIC[mapped.code] : describe(mapped.key) || GENERIC[mapped.code];
  return errorResponse(mapped.status, mapped.code, description, fields ? { fields } : undefined, { ...headers, ...mapped.headers });
}

function bearer(request: Request): string | null {
  const m = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i);
  return m ? m[1] : null;
}

async function readInput(request: Request): Promise<Record<string, unknown>> {
  const url = new URL(request.url);
  const query: Record<string, unknown> = {};
  for (const [k, v] of url.searchParams.entries()) {
    query[k] = k in query ? ([] as unknown[]).concat(query[k], v) : v;
  }
  if (request.method === "GET" || request.method === "HEAD" || request.method === "DELETE") return query;
  const text = await request.text();
  if (!text.trim()) return query;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { _: ["validation.invalid"] });
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { _: ["validation.invalid"] });
  return { ...query, ...(body as Record<string, unknown>) };
}

/**
 * API-1…API-5: the one wrapper of every REST endpoint. Checks the version, authenticates the bearer token,
 * counts the request against the token's 60/min (shared in Postgres), parses the input with zod, runs the
 * handler (which calls the same services as the console) and shapes every answer in the JSON envelope.
 */
export function route<S extends z.ZodType | undefined = undefined>(
  handler: (args: HandlerArgs<S>) => Promise<ApiSuccess>,
  options: { schema?: S; scope?: TokenScope; action?: Action } = {},
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    let headers: Record<string, string> = {};
    try {
      const raw = (await context?.params) ?? {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : (v ?? "")]));
      if (params.version !== undefined && !(API_VERSIONS as readonly string[]).includes(params.version)) {
        return errorResponse(404, "not_found", "Unknown API version.");
      }
      const token = bearer(request);
      if (!token) return errorResponse(401, "unauthenticated", undefined, undefined, { "WWW-Authenticate": 'Bearer realm="Manager API"' });
      const db = getDb();
      const ip = clientAddress(request.headers);
      let actor: TokenActor;
      try {
        actor = await authenticateApiToken(db, token, { ip, userAgent: request.headers.get("user-agent") });
      } catch (err) {
        if (err instanceof AppError && err.code === "UNAUTHENTICATED") {
          return errorResponse(401, "unauthenticated", GENERIC.unauthenticated, undefined, { "WWW-Authenticate": 'Bearer realm="Manager API", error="invalid_token"' });
        }
        throw err;
      }
      const state = await consume("apiPerToken", actor.tokenId);
      headers = limitHeaders(state);
      if (!state.allowed) return errorResponse(429, "rate_limited", GENERIC.rate_limited, undefined, headers);
      if (options.scope && !scopesInclude(actor.scopes, options.scope)) {
        return errorResponse(403, "forbidden", `This endpoint needs the scope ${options.scope}.`, { required_scope: options.scope }, headers);
      }
      if (options.action) await requireAccess(db, actor, actor.orgId, options.action);
      const rawInput = await readInput(request);
      const input = (options.schema ? options.schema.parse(rawInput) : undefined) as HandlerArgs<S>["input"];
      const { status = 200, ...body } = await handler({ db, actor, input, params, request });
      if (status === 204) return new Response(null, { status, headers: { "Cache-Control": "no-store", ...headers } });
      return Response.json({ result: "success", ...body, data: snakeKeys(body.data) }, { status, headers: { "Cache-Control": "no-store", ...headers } });
    } catch (err) {
      return toErrorResponse(err, headers);
    }
  };
}
