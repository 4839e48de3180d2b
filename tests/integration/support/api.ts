import type { Actor } from "@/lib/access/actor";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import type { TokenScope } from "@/lib/api-tokens/scopes";
import type { Db } from "@/lib/db";
import { DEFAULT_PASSWORD } from "../../factories";

export const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null });

/** A real API token of `userId` restricted to `orgId`, created through the console's service. */
export async function tokenFor(db: Db, userId: string, orgId: string, scopes: TokenScope[]): Promise<string> {
  const { token } = await createApiToken(db, asUser(userId), { orgIds: [orgId], name: "test", scopes, password: DEFAULT_PASSWORD });
  return token;
}

type Params = Record<string, string>;
type Handler = (r: Request, c: { params: Promise<Params> }) => Promise<Response>;

/** Calls a route handler as Next.js would, with a bearer token and a JSON body. */
export function call(
  handler: Handler,
  url: string,
  opts: { token?: string; method?: string; body?: unknown; params?: Params } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${url}`, {
    method: opts.method ?? "GET",
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  return handler(request, { params: Promise.resolve({ version: "1", ...opts.params }) });
}

type ErrorBody = { errors?: { code: string; description: string; context: Record<string, string> }[] };

/** The field messages of an error answer (API-4: `error.errors[].context.field`), by field. */
export function errorFields(error: ErrorBody): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of error.errors ?? []) if (e.context.field !== undefined) (out[e.context.field] ??= []).push(e.description);
  return out;
}
