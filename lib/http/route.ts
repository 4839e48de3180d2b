import type { z } from "zod";
import { authenticateApiToken, tokenOrganizations, type TokenActor } from "@/lib/api-tokens/authenticate-api-token";
import type { Action } from "@/lib/access/permissions";
import { requireAccess } from "@/lib/access/require-access";
import { scopesInclude, type TokenScope } from "@/lib/api-tokens/scopes";
import { clientAddress } from "@/lib/http/client-address";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import en from "@/lib/i18n/messages/en.json";
import { consume, type LimitState } from "@/lib/security/rate-limit";
import { mapError } from "./map-error";
import { parseInput } from "./parse-input";
import { snakeKeys, snakeName } from "./snake-case";

/**
 * The API versions served (API-2): each endpoint declares the versions of its path (users are at 1 and 2,
 * as at the provider); `/api/…` without a version means the endpoint's latest.
 */
export const API_VERSIONS = ["1", "2"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export const LATEST_API_VERSION = "2";

/** When the one-Organization paths (`/accounts/current`, `/products`, …) were deprecated (RFC 9745). */
export const LEGACY_DEPRECATED_AT = new Date("2026-12-05T00:00:00Z");

export type ApiSuccess = {
  data: unknown;
  total?: number;
  page?: number;
  per_page?: number;
  next_cursor?: string | null;
  status?: number;
  /** A download instead of the JSON envelope (an invoice's PDF): sent as is, with its type and file name. */
  file?: { bytes: Uint8Array; contentType: string; filename: string };
};

/** Where an endpoint acts: the path's `{account_id}`, no Organization (the accounts list), or the token's only one (legacy paths). */
type OrgSource = "path" | "none" | "single";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type HandlerArgs<S extends z.ZodType | undefined> = {
  db: Db;
  actor: TokenActor;
  /** The Organization the request acts in (empty for the accounts list). */
  orgId: string;
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
  account_required: "This token can act in several Organizations (or none): use the paths under /1/accounts/{account_id}, listed by GET /1/accounts.",
  not_found: "Not found.",
  conflict: "The request conflicts with the current state.",
  invalid_input: "The input is invalid.",
  rate_limited: "Too many requests: 60 per minute per token.",
  unavailable: "The service is temporarily unavailable. Try again in a moment.",
  internal: "An unexpected error occurred.",
};

/** One detail of an error: a field's message (`context.field`), a missing scope (`context.scope`)… */
export type ErrorDetail = { code: string; description: string; context: Record<string, string> };

/** The API's error envelope (API-4): `{"result":"error","error":{"code","description","errors":[…]}}`. */
export function errorResponse(status: number, code: string, description?: string, errors: ErrorDetail[] = [], headers?: HeadersInit): Response {
  return Response.json(
    { result: "error", error: { code, description: description || GENERIC[code] || GENERIC.internal, errors } },
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
  const errors: ErrorDetail[] = Object.entries(mapped.fieldErrors ?? {}).flatMap(([field, messages]) =>
    messages.map((m) => ({ code: detailCode(m), description: describe(m) || m, context: { field: field || "_" } })),
  );
  const description = mapped.fromSchema || mapped.code === "internal" ? GENERIC[mapped.code] : describe(mapped.key) || GENERIC[mapped.code];
  return errorResponse(mapped.status, mapped.code, description, errors, { ...headers, ...mapped.headers });
}

/** A stable code for a field message: the last part of its translation key (`validation.tooLong` → `too_long`). */
function detailCode(message: string): string {
  if (!/^[a-zA-Z]+(\.[a-zA-Z]+)+$/.test(message)) return "invalid";
  return snakeName(message.split(".").at(-1)!);
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
 * Legacy paths act in the token's only Organization: the one it is restricted to, or its owner's only
 * one. Otherwise the client must name it (400 `account_required`, pointing to /1/accounts).
 */
async function singleOrganization(db: Db, actor: TokenActor): Promise<string | null> {
  const orgs = await tokenOrganizations(db, actor);
  if (orgs.length !== 1) return null;
  actor.membership = { orgId: orgs[0].orgId, member: { id: orgs[0].id, role: orgs[0].role } };
  return orgs[0].orgId;
}

type RouteOptions<S> = {
  schema?: S;
  scope?: TokenScope;
  action?: Action;
  versions?: readonly string[];
  org?: OrgSource;
  /** For a legacy path: its successor (with `{account_id}`) and that path's latest version. */
  successor?: string;
  successorVersion?: string;
};

function successorLink(path: string, version: string, orgId: string, params: Record<string, string>): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent(p === "account_id" ? orgId : (params[p] ?? "")));
  return `</api/${version}${filled}>; rel="successor-version"`;
}

/** The paginated envelope of a list (API-4): total, pages, items_per_page, page. */
function envelope(body: Omit<ApiSuccess, "status">): Record<string, unknown> {
  const { data, total, page, per_page, next_cursor } = body;
  if (per_page === undefined) return { result: "success", data: snakeKeys(data) };
  const t = total ?? 0;
  return {
    result: "success",
    data: snakeKeys(data),
    total: t,
    pages: Math.max(1, Math.ceil(t / per_page)),
    items_per_page: per_page,
    page: page ?? 1,
    ...(next_cursor !== undefined ? { next_cursor } : {}),
  };
}

/**
 * API-1…API-5: the one wrapper of every REST endpoint. Checks the version, authenticates the bearer token
 * (with its owner's membership of the path's Organization, in one statement), counts the request against
 * the token's 60/min (shared in Postgres), resolves the Organization and checks the declared scope and
 * action in it, parses the input with zod, runs the handler (which calls the same services as the
 * console) and shapes every answer in the JSON envelope.
 */
export function route<S extends z.ZodType | undefined = undefined>(
  handler: (args: HandlerArgs<S>) => Promise<ApiSuccess>,
  options: RouteOptions<S> = {},
): (request: Request, context: RouteContext) => Promise<Response> {
  const versions = options.versions ?? API_VERSIONS;
  const org = options.org ?? "none";
  return async (request, context) => {
    let headers: Record<string, string> = {};
    try {
      const raw = (await context?.params) ?? {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : (v ?? "")]));
      if (params.version !== undefined && !versions.includes(params.version)) {
        return errorResponse(404, "not_found", "Unknown API version for this path.");
      }
      const token = bearer(request);
      if (!token) return errorResponse(401, "unauthenticated", undefined, undefined, { "WWW-Authenticate": 'Bearer realm="Manager API"' });
      const db = getDb();
      const ip = clientAddress(request.headers);
      // A malformed Organization id is simply not found (after authentication, so nothing is revealed).
      const pathOrg = org === "path" ? (params.account_id ?? "") : null;
      let actor: TokenActor;
      try {
        actor = await authenticateApiToken(db, token, { ip, userAgent: request.headers.get("user-agent") }, pathOrg && pathOrg.length <= 64 ? pathOrg : null);
      } catch (err) {
        if (err instanceof AppError && err.code === "UNAUTHENTICATED") {
          return errorResponse(401, "unauthenticated", GENERIC.unauthenticated, undefined, { "WWW-Authenticate": 'Bearer realm="Manager API", error="invalid_token"' });
        }
        throw err;
      }
      const state = await consume("apiPerToken", actor.tokenId);
      headers = limitHeaders(state);
      if (!state.allowed) return errorResponse(429, "rate_limited", GENERIC.rate_limited, undefined, headers);
      let orgId = "";
      if (org === "path") {
        if (!pathOrg || pathOrg.length > 64) throw new AppError("NOT_FOUND");
        orgId = pathOrg;
      } else if (org === "single") {
        headers = { ...headers, Deprecation: `@${Math.floor(LEGACY_DEPRECATED_AT.getTime() / 1000)}` };
        const single = await singleOrganization(db, actor);
        if (!single) return errorResponse(400, "account_required", GENERIC.account_required, undefined, headers);
        orgId = single;
        headers.Link = successorLink(options.successor!, options.successorVersion!, orgId, params);
      }
      if (options.scope && !scopesInclude(actor.scopes, options.scope)) {
        // A token that cannot act in the Organization at all learns nothing more than "not found".
        if (orgId) await requireAccess(db, actor, orgId, "org.read").catch((err: unknown) => {
          if (err instanceof AppError && err.code === "NOT_FOUND") throw err;
        });
        return errorResponse(
          403,
          "forbidden",
          `This endpoint needs the scope ${options.scope}.`,
          [{ code: "missing_scope", description: `The token lacks the scope ${options.scope}.`, context: { scope: options.scope } }],
          headers,
        );
      }
      if (options.action && orgId) await requireAccess(db, actor, orgId, options.action);
      const rawInput = await readInput(request);
      const input = (options.schema ? parseInput(options.schema, rawInput) : undefined) as HandlerArgs<S>["input"];
      const { status = 200, file, ...body } = await handler({ db, actor, orgId, input, params, request });
      if (file) {
        const disposition = `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`;
        return new Response(new Uint8Array(file.bytes), { status, headers: { "Content-Type": file.contentType, "Content-Disposition": disposition, "Cache-Control": "no-store", ...headers } });
      }
      if (status === 204) return new Response(null, { status, headers: { "Cache-Control": "no-store", ...headers } });
      return Response.json(envelope(body), { status, headers: { "Cache-Control": "no-store", ...headers } });
    } catch (err) {
      return toErrorResponse(err, headers);
    }
  };
}
