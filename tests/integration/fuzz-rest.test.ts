import { fc, test } from "@fast-check/vitest";
import { beforeAll, describe, expect } from "vitest";
import { getDb } from "@/lib/db";
import { ENDPOINTS } from "@/lib/http/api-endpoints";
import { createRawApiToken } from "../factories";
import { FUZZ_RUNS, FUZZ_SEED } from "../fuzz/settings";
import { organizationSnapshot, tenantWithRows, type FuzzTenant } from "../fuzz/tenants";
import { fuzzArbitrary, hostileString, idArbitrary, toSearchParams, type IdPool } from "../fuzz/zod-arbitrary";

/**
 * SEC-5, API-4: every endpoint of the endpoint list, read from the list itself (its zod schema, path
 * parameters, versions and legacy path), is called through its real route handler with a real token of
 * Organization A and generated query strings, bodies and path ids — the schema's own inputs, hostile
 * variants of them and another Organization's ids. Every answer is a success or a 4xx in the error
 * envelope, never a 5xx; and Organization B's rows are exactly as they were.
 */

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ids: IdPool = { own: [], foreign: [] };
let a: FuzzTenant;
let b: FuzzTenant;
let before: Record<string, string>;
const tokens = { current: "", used: 0 };
/** The endpoints that answered a success at least once: the generator also reaches what lies behind the checks. */
const succeeded = new Set<string>();

beforeAll(async () => {
  const db = getDb();
  a = await tenantWithRows(db);
  b = await tenantWithRows(db);
  ids.own = a.ids;
  ids.foreign = b.ids;
  before = await organizationSnapshot(db, b.orgId);
});

/** A token of A's legal representative, every scope, restricted to A; a fresh one before the 60-a-minute limit (API-5). */
async function token(): Promise<string> {
  if (!tokens.current || tokens.used >= 55) {
    tokens.current = await createRawApiToken(getDb(), { userId: a.ownerId, orgIds: [a.orgId] });
    tokens.used = 0;
  }
  tokens.used++;
  return tokens.current;
}

const accountId = fc.oneof(
  { weight: 8, arbitrary: fc.constant(() => a.orgId) },
  { weight: 1, arbitrary: fc.constant(() => b.orgId) },
  { weight: 1, arbitrary: hostileString.map((s) => () => s) },
);

/** A raw body that is not the JSON of an object at all. */
const rawBody = fc.constantFrom("{", "[1,2]", "null", '"text"', "42", "{\"a\":", "\u0000", "{}".repeat(1000));

type Sent = { url: string; init: RequestInit; params: Record<string, string> };

const kinds = ENDPOINTS.flatMap((e) => [
  { e, path: e.path, handle: e.handle as Handler, versions: e.versions as readonly string[] },
  ...(e.legacyPath ? [{ e, path: e.legacyPath, handle: e.legacyHandle as Handler, versions: ["1"] as readonly string[] }] : []),
]);

function request(method: string, path: string, version: string, params: Record<string, string>, input: unknown, raw: string | null, auth: string): Sent {
  // A URL cannot carry a lone surrogate: the router would have decoded it to U+FFFD (the handler still gets the raw value).
  const filled = path.replace(/\{(\w+)\}/g, (_, p: string) => encodeURIComponent((params[p] ?? "").replace(/\p{Cs}/gu, "\uFFFD")));
  const readsQuery = method === "GET" || method === "DELETE";
  const query = readsQuery ? toSearchParams(input).toString() : "";
  const body = readsQuery ? undefined : (raw ?? JSON.stringify(input ?? null));
  return {
    url: `http://localhost/api/${version}${filled}${query ? `?${query}` : ""}`,
    init: { method, headers: { authorization: `Bearer ${auth}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) }, body },
    params: { version, ...params },
  };
}

describe("fuzzed REST API (SEC-5, API-4, API-6, SEC-4)", () => {
  for (const { e, path, handle, versions } of kinds) {
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const pathIds = fc.record(Object.fromEntries(names.filter((n) => n !== "account_id").map((n) => [n, idArbitrary(ids)])) as Record<string, fc.Arbitrary<string>>);
    const arbitraries = { version: fc.constantFrom(...versions), account: accountId, pathParams: pathIds, input: fuzzArbitrary(e.schema, ids), raw: fc.option(rawBody, { freq: 8 }) };

    test.prop(arbitraries, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED })(
      `[SEC-5] [API-4] ${e.method} ${path}: generated input answers a success or a 4xx in the error envelope, never a 5xx`,
      async ({ version, account, pathParams, input, raw }) => {
        const params: Record<string, string> = { ...pathParams };
        if (names.includes("account_id")) params.account_id = account();
        const sent = request(e.method, path, version, params, input, raw, await token());
        const res = await handle(new Request(sent.url, sent.init), { params: Promise.resolve(sent.params) });
        const text = await res.text();
        expect(res.status, `${e.method} ${sent.url} ${String(sent.init.body).slice(0, 300)} → ${text.slice(0, 500)}`).toBeLessThan(500);
        if (res.status < 300) succeeded.add(`${e.method} ${path}`);
        if (res.status >= 400) {
          const body = JSON.parse(text) as { result: string; error: { code: string; description: string; errors: unknown[] } };
          expect(body.result).toBe("error");
          expect(typeof body.error.code).toBe("string");
          expect(body.error.description).toBeTruthy();
          expect(Array.isArray(body.error.errors)).toBe(true);
        }
      },
    );
  }

  test("[SEC-5] the generated inputs are not all refused: many endpoints answered a success", () => {
    // Path ids are drawn from every kind of row, so an endpoint with two ids seldom gets a matching pair.
    expect(succeeded.size, [...succeeded].join("\n")).toBeGreaterThan(kinds.length * 0.4);
  });

  test("[SEC-4] [API-6] [SEC-5] after every fuzzed request, Organization B's rows are exactly as they were", async () => {
    expect(Object.keys(before).length).toBeGreaterThan(10);
    expect(await organizationSnapshot(getDb(), b.orgId)).toEqual(before);
  });
});
