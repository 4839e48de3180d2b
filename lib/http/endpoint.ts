import { z } from "zod";
import type { Action } from "@/lib/access/permissions";
import type { TokenScope } from "@/lib/api-tokens/scopes";
import { AppError } from "@/lib/errors";
import { route, type ApiSuccess, type ApiVersion, type HandlerArgs } from "./route";

/**
 * One REST endpoint: its method and path (below `/api/{version}`), the versions that serve it, the scope it
 * needs, its zod input and answer schemas and its handler. A path with `{account_id}` acts in that
 * Organization; `legacyPath` is the deprecated alias of the one-Organization API (`/products`, …), served by
 * the same declaration in the token's single Organization. Route files export `.handle` (and
 * `.legacyHandle`); the OpenAPI document is generated from the same declarations (API-3), so a route
 * cannot exist without being documented.
 */
export type EndpointSpec<S extends z.ZodType | undefined> = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  /** The versions serving `path` (API-2); `/api/…` without a version means the last one. Default: 1. */
  versions?: readonly ApiVersion[];
  /** The deprecated path of the same endpoint, acting in the token's only Organization. */
  legacyPath?: string;
  summary: string;
  description?: string;
  scope: TokenScope;
  /**
   * The action of the permission table the token's owner must hold in the Organization of the path;
   * checked before the input is read. An endpoint without `{account_id}` lists the Organizations where
   * the owner holds it.
   */
  action: Action;
  /** Query parameters for GET/DELETE, JSON body otherwise. */
  schema?: S;
  /** A download's media type (e.g. `application/pdf`): the answer is the file, not the JSON envelope. */
  produces?: string;
  /** The shape of `data` in a successful answer; none for 204 answers. */
  response?: z.ZodType;
  /** The path parameters, by name (besides `account_id`). */
  pathParams?: string[];
  /** 200 by default; 201 for creations, 204 (no body) for deletions and links. */
  successStatus?: 200 | 201 | 204;
  /** Other success statuses the endpoint may answer (documented with the same `data`). */
  otherStatuses?: (200 | 201)[];
  paged?: boolean;
  handler: (args: HandlerArgs<S>) => Promise<ApiSuccess>;
};

export const ACCOUNT_PARAM = "account_id";

/**
 * The declaration is the check: the wrapper refuses a token without the declared scope, or whose owner's
 * role in the path's Organization does not hold the declared action (403; 404 where the token cannot act),
 * before the input is read; the services then check again (token-scope table, lib/api-tokens/scopes.ts).
 * tests/integration/authorization-matrix.test.ts runs every endpoint for every kind of caller to prove
 * declarations, tables and services agree.
 */
export function endpoint<S extends z.ZodType | undefined = undefined>(spec: EndpointSpec<S>) {
  const versions = spec.versions ?? (["1"] as const);
  const common = { schema: spec.schema, scope: spec.scope, action: spec.action };
  const scoped = spec.path.includes(`{${ACCOUNT_PARAM}}`);
  return {
    ...spec,
    versions,
    handle: route<S>(spec.handler, { ...common, versions, org: scoped ? "path" : "none" }),
    /** Only routed where `legacyPath` is declared. */
    legacyHandle: route<S>(spec.handler, { ...common, versions: ["1"], org: "single", successor: spec.path, successorVersion: versions[versions.length - 1] }),
  };
}

/** The answer of a deletion or a link: 204, no body. */
export const NO_CONTENT: ApiSuccess = { status: 204, data: null };

export const pageField = z.coerce.number().int().min(1).max(100_000).default(1).describe("Page number, from 1.");
export const perPageField = z.coerce.number().int().min(1).max(100).default(25).describe("Items per page (at most 100).");
export const orderField = z.enum(["asc", "desc"]).default("asc").describe("Sort direction.");

export const paging = { page: pageField, per_page: perPageField, order: orderField };
export type PagingQuery = { page: number; per_page: number; order: "asc" | "desc" };

/** A page of a list, in the API's paginated envelope (the wrapper adds `pages` and `items_per_page`). */
export function pageOf(data: unknown[], q: { page: number; per_page: number }, total: number, extra: { next_cursor?: string | null } = {}): ApiSuccess {
  return { data, page: q.page, per_page: q.per_page, total, ...extra };
}

/**
 * Sorts and pages a list that a service answers whole (small by nature: tags, teams). Without `key` the
 * service's own order (by name) is kept, reversed for `order=desc`.
 */
export function sortedPage<T>(items: T[], q: PagingQuery, key?: (t: T) => string | number): ApiSuccess {
  const d = q.order === "desc" ? -1 : 1;
  const sorted = key
    ? [...items].sort((a, b) => {
        const x = key(a);
        const y = key(b);
        return x < y ? -d : x > y ? d : 0;
      })
    : d < 0
      ? [...items].reverse()
      : items;
  const start = (q.page - 1) * q.per_page;
  return pageOf(sorted.slice(start, start + q.per_page), q, items.length);
}

/** A path parameter; an absurd one is simply not found. */
export function idParam(params: Record<string, string>, name: string): string {
  const v = params[name];
  if (!v || v.length > 64) throw new AppError("NOT_FOUND");
  return v;
}

/**
 * Services name their fields in camelCase, the API in snake_case: a service's field errors are renamed
 * so that `error.fields` always names what the client sent.
 */
export async function withApiFieldNames<T>(names: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.fieldErrors) {
      const fields = Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [names[k] ?? k, v]));
      throw new AppError(err.code, err.message, fields, err.retryAfterSeconds);
    }
    if (err instanceof z.ZodError) {
      throw new z.ZodError(
        err.issues.map((i) => ({ ...i, path: i.path.map((p) => (typeof p === "string" ? (names[p] ?? p) : p)) })),
      );
    }
    throw err;
  }
}

const isoDate = z.iso.datetime().describe("ISO 8601, UTC.");
export const dateOut = isoDate;
export const nullableDateOut = isoDate.nullable();
export const tagOutSchema = z.object({ id: z.string(), name: z.string(), color: z.string() });
export const tagOut = (t: { id: string; name: string; color: string }) => ({ id: t.id, name: t.name, color: t.color });
