import "server-only";
import { z } from "zod";
import { getActor, type UserActor } from "@/lib/auth/get-actor";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { mapError, type MappedError } from "./map-error";
import { parseInput } from "./parse-input";
import { safeReturnPath } from "./return-path";
import { translateError, type Translate } from "./translate-error";
import { translatorFor } from "./translator-for";

/** Served to one signed-in person only: never stored by a browser or a proxy. */
export const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" } as const;

type Params = Record<string, string | string[] | undefined>;
type RouteContext = { params: Promise<Params> };

/** An id in a path (cuid, uuid or a seeded slug): anything else names nothing, so the route answers 404. */
export const idParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** The params of a route below /[org]. */
export const orgParams = z.object({ org: idParam });

export type SessionRouteOptions<P extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  /**
   * What a request without a signed-in session gets, declared per route:
   * - "redirect": a link the browser follows (a download) goes to sign-in and comes back after;
   * - "401": a fetch call gets `401 { error: "unauthenticated" }`;
   * - "404": a private file answers the same 404 as one that does not exist, confirming nothing.
   * Failures are JSON (`{ error, message, fields? }`) for "401" routes and a translated line of text otherwise.
   */
  signedOut: "redirect" | "401" | "404";
  /** The path parameters; a value it rejects names nothing: 404. */
  params?: P;
  /** The query string (repeated keys become arrays); a value it rejects is a 400 that says which field. */
  query?: Q;
};

export type SessionRouteArgs<P, Q> = {
  db: Db;
  actor: UserActor;
  params: P extends z.ZodType ? z.output<P> : Record<string, string>;
  query: Q extends z.ZodType ? z.output<Q> : Record<string, never>;
  request: Request;
};

export function searchParamsObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams.entries()) out[k] = k in out ? ([] as string[]).concat(out[k], v) : v;
  return out;
}

async function translator(): Promise<Translate> {
  return translatorFor(await resolveLocale().catch(() => "en" as const));
}

async function failure(mapped: MappedError, json: boolean): Promise<Response> {
  const headers = { ...PRIVATE_HEADERS, ...mapped.headers };
  const { message, fieldErrors } = translateError(await translator(), mapped, "_");
  if (json) return Response.json({ error: mapped.code, message, ...(fieldErrors ? { fields: fieldErrors } : {}) }, { status: mapped.status, headers });
  const lines = [message, ...Object.entries(fieldErrors ?? {}).map(([field, text]) => `${field}: ${text}`)];
  return new Response(lines.join("\n"), { status: mapped.status, headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * The one wrapper of console route handlers (files, pickers' options, downloads): resolves the signed-in
 * person, parses the declared params and query with zod, runs the handler (whose services check access)
 * and maps every failure through mapError (SEC-5: no input produces a 5xx; another Organization is 404).
 * Whatever it serves is private and never cached.
 */
export function sessionRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: SessionRouteOptions<P, Q>,
  handler: (args: SessionRouteArgs<P, Q>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  const json = options.signedOut === "401";
  return async (request, context) => {
    try {
      const actor = await getActor();
      if (!actor) {
        if (options.signedOut === "redirect") {
          const url = new URL(request.url);
          const back = safeReturnPath(url.pathname + url.search);
          const target = new URL(back ? `/sign-in?next=${encodeURIComponent(back)}` : "/sign-in", url);
          return new Response(null, { status: 303, headers: { ...PRIVATE_HEADERS, Location: target.toString() } });
        }
        throw new AppError(options.signedOut === "401" ? "UNAUTHENTICATED" : "NOT_FOUND");
      }
      const rawParams = ((await context?.params) ?? {}) as Params;
      let params: unknown = rawParams;
      if (options.params) {
        const parsed = options.params.safeParse(rawParams);
        if (!parsed.success) throw new AppError("NOT_FOUND");
        params = parsed.data;
      }
      const query = options.query ? parseInput(options.query, searchParamsObject(new URL(request.url))) : {};
      const response = await handler({ db: getDb(), actor, params, query, request } as SessionRouteArgs<P, Q>);
      const headers = new Headers(response.headers);
      for (const [name, value] of Object.entries(PRIVATE_HEADERS)) headers.set(name, value);
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    } catch (err) {
      return failure(mapError(err, { invalidInputStatus: 400 }), json);
    }
  };
}
