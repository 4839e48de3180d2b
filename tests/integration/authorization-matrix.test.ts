import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { can, ROLE_PERMISSIONS, type Action } from "@/lib/access/permissions";
import { scopesAllow, scopesInclude, TOKEN_SCOPES } from "@/lib/api-tokens/scopes";
import { displayPrefix, generateToken } from "@/lib/api-tokens/token-format";
import { getDb, type Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { ENDPOINTS } from "@/lib/http/api-endpoints";
import { hashSecret } from "@/lib/security/tokens";
import { addMember, createInvoice, type InvoiceOrg, createOrganization, createProducts, createTag, createTeam, createUser, unique } from "../factories";

/**
 * The REST half of the authorization matrix: every endpoint of the endpoint list × every kind of token
 * caller, each outcome checked against the tables (token-scope table, role table) and the endpoint's own
 * declaration (scope and action). An endpoint without an entry below fails the test, so a new endpoint is
 * in the matrix from its first day. The console half (pages and route handlers) runs end to end in
 * tests/e2e/foundation/authorization-matrix.spec.ts.
 */

type IdKind = "product" | "tag" | "team" | "membership" | "invoice" | "billingAddress";
type Entry = {
  /** A valid body: denials must come from authorization, not from input checks. */
  body?: Record<string, unknown>;
  /** What each path parameter names. */
  ids?: Record<string, IdKind>;
  /** The action the service needs beyond the declared one, for the ids used here (e.g. someone else's membership). */
  alsoNeeds?: Action;
};

const address = { label: "HQ", name: "Matrix SA", street: "Rue 1", postal_code: "1000", city: "Lausanne", country: "CH" };
const MATRIX: Record<string, Entry> = {
  "GET /accounts/current": {},
  "PATCH /accounts/current": { body: { city: "Lausanne" } },
  "PUT /accounts/current": { body: { name: "Matrix SA" } },
  "POST /accounts/current/billing-addresses": { body: address },
  "PATCH /accounts/current/billing-addresses/{id}": { body: { city: "Bern" }, ids: { id: "billingAddress" } },
  "PUT /accounts/current/billing-addresses/{id}": { body: address, ids: { id: "billingAddress" } },
  "DELETE /accounts/current/billing-addresses/{id}": { ids: { id: "billingAddress" } },
  "GET /invoices": {},
  "GET /invoices/{id}": { ids: { id: "invoice" } },
  "GET /products": {},
  "GET /products/{id}": { ids: { id: "product" } },
  "GET /tags": {},
  "POST /tags": { body: { name: "matrix", color: "red" } },
  "GET /tags/{id}": { ids: { id: "tag" } },
  "PATCH /tags/{id}": { body: { color: "blue" }, ids: { id: "tag" } },
  "PUT /tags/{id}": { body: { name: "matrix-put", color: "green" }, ids: { id: "tag" } },
  "DELETE /tags/{id}": { ids: { id: "tag" } },
  "POST /products/{id}/tags": { body: { name: "matrix-attach" }, ids: { id: "product" } },
  "PUT /products/{id}/tags/{tagId}": { ids: { id: "product", tagId: "tag" } },
  "DELETE /products/{id}/tags/{tagId}": { ids: { id: "product", tagId: "tag" } },
  "GET /teams": {},
  "GET /teams/{id}": { ids: { id: "team" } },
  "POST /teams": { body: { name: "Matrix team" } },
  "PATCH /teams/{id}": { body: { name: "Renamed team" }, ids: { id: "team" } },
  "PUT /teams/{id}": { body: { name: "Renamed team" }, ids: { id: "team" } },
  "DELETE /teams/{id}": { ids: { id: "team" } },
  "PUT /teams/{id}/members/{membershipId}": { ids: { id: "team", membershipId: "membership" } },
  "DELETE /teams/{id}/members/{membershipId}": { ids: { id: "team", membershipId: "membership" } },
  "GET /users": {},
  "GET /users/{id}": { ids: { id: "membership" } },
  "POST /users": { body: { email: "matrix-invitee@example.com", role: "EXTERNAL" } },
  "PATCH /users/{id}": { body: { role: "EXTERNAL" }, ids: { id: "membership" } },
  "GET /users/{id}/permissions": { ids: { id: "membership" } },
  "PUT /users/{id}/permissions": { body: { product_ids: [], contact_prefs: [] }, ids: { id: "membership" }, alsoNeeds: "users.update" },
  "DELETE /users/{id}": { ids: { id: "membership" } },
};

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function handlerOf(method: string, apiPath: string): Promise<Handler> {
  const file = path.resolve("app/api/[version]", `.${apiPath.replace(/\{(\w+)\}/g, "[$1]")}`, "route.ts");
  const mod = (await import(file)) as Record<string, Handler>;
  if (!mod[method]) throw new Error(`${method} ${apiPath}: ${file} exports no ${method}`);
  return mod[method];
}

async function rawToken(db: Db, userId: string, orgId: string, scopes: string[]): Promise<string> {
  // Inserted directly: a token keeps its scopes when its owner is later demoted, which is what the
  // role rows of the matrix stand for.
  const token = generateToken();
  await db.apiToken.create({ data: { userId, orgId, name: "matrix", tokenHash: hashSecret(token), displayPrefix: displayPrefix(token), scopes } });
  return token;
}

/** One Organization's objects, by kind, for the path parameters. */
async function objectsOf(db: Db, org: InvoiceOrg & { id: string }, memberId: string) {
  const orgId = org.id;
  const [product] = await createProducts(db, [{ orgId, name: `${unique("p")}.ch` }]);
  const tag = await createTag(db, { orgId });
  const team = await createTeam(db, { orgId });
  const invoice = await createInvoice(db, { org });
  const billingAddress = await db.billingAddress.create({ data: { orgId, label: "Other", name: "X", street: "S", postalCode: "1", city: "C", country: "CH" } });
  return { product: product.id, tag: tag.id, team: team.id, membership: memberId, invoice: invoice.id, billingAddress: billingAddress.id } satisfies Record<IdKind, string>;
}

type Caller = { name: string; token: string | null; role: Role | null; scopes: string[]; expect: "table" | 401 };

let callers: Caller[];
let otherTenantIds: Record<IdKind, string>;
let otherTenantToken: string;

beforeAll(async () => {
  const db = getDb();
  const org = await createOrganization(db);
  const byRole = { LEGAL_REPRESENTATIVE: org.legalRepresentativeId } as Record<Role, string>;
  for (const role of ["ADMINISTRATOR", "USER", "EXTERNAL"] as const) byRole[role] = (await createUser(db)).id;
  for (const role of ["ADMINISTRATOR", "USER", "EXTERNAL"] as const) await addMember(db, org.id, byRole[role], role);
  const leaver = await createUser(db);
  await addMember(db, org.id, leaver.id, "ADMINISTRATOR");
  const leaverToken = await rawToken(db, leaver.id, org.id, [...TOKEN_SCOPES]);
  await db.membership.delete({ where: { orgId_userId: { orgId: org.id, userId: leaver.id } } });
  const revoked = await rawToken(db, byRole.LEGAL_REPRESENTATIVE, org.id, [...TOKEN_SCOPES]);
  await db.apiToken.updateMany({ where: { tokenHash: hashSecret(revoked) }, data: { revokedAt: new Date() } });

  callers = [{ name: "no token", token: null, role: null, scopes: [], expect: 401 }];
  for (const scope of TOKEN_SCOPES) {
    callers.push({ name: `legal representative, ${scope}`, token: await rawToken(db, byRole.LEGAL_REPRESENTATIVE, org.id, [scope]), role: "LEGAL_REPRESENTATIVE", scopes: [scope], expect: "table" });
  }
  for (const role of ["ADMINISTRATOR", "USER", "EXTERNAL"] as const) {
    callers.push({ name: `${role}, every scope`, token: await rawToken(db, byRole[role], org.id, [...TOKEN_SCOPES]), role, scopes: [...TOKEN_SCOPES], expect: "table" });
  }
  callers.push({ name: "owner left the Organization", token: leaverToken, role: null, scopes: [], expect: 401 });
  callers.push({ name: "revoked token", token: revoked, role: null, scopes: [], expect: 401 });

  const other = await createOrganization(db);
  otherTenantIds = await objectsOf(db, other, other.legalRepresentativeMembershipId);
  otherTenantToken = await rawToken(db, org.legalRepresentativeId, org.id, [...TOKEN_SCOPES]);
});

const endpointKey = (e: { method: string; path: string }) => `${e.method} ${e.path}`;
const FAKE = "cmatrixdoesnotexist000000";

function urlOf(apiPath: string, ids: Record<string, string>) {
  return `/api/1${apiPath.replace(/\{(\w+)\}/g, (_, p: string) => ids[p])}`;
}

async function send(handler: Handler, method: string, apiPath: string, token: string | null, entry: Entry, idValues: Record<string, string>) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (entry.body) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${urlOf(apiPath, idValues)}`, { method, headers, body: entry.body ? JSON.stringify(entry.body) : undefined });
  const res = await handler(request, { params: Promise.resolve({ version: "1", ...idValues }) });
  return res.status;
}

describe("authorization matrix: REST API", () => {
  test("[API-6] every endpoint of the endpoint list has a matrix entry, and every entry an endpoint", () => {
    const declared = ENDPOINTS.map(endpointKey);
    expect(declared.filter((k) => !(k in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !declared.includes(k))).toEqual([]);
  });

  test(`[API-6] [ORG-1] [SEC-4] ${ENDPOINTS.length} endpoints × ${TOKEN_SCOPES.length + 6} token callers: each answer is what the scope and role tables say`, { timeout: 600_000 }, async () => {
    const unexpected: string[] = [];
    for (const e of ENDPOINTS) {
      const entry = MATRIX[endpointKey(e)];
      const handler = await handlerOf(e.method, e.path);
      const fakeIds = Object.fromEntries(Object.keys(entry.ids ?? {}).map((p) => [p, FAKE]));
      for (const c of callers) {
        const status = await send(handler, e.method, e.path, c.token, entry, fakeIds);
        let allowed = false;
        if (c.expect === "table" && c.role) {
          allowed =
            scopesInclude(c.scopes, e.scope) &&
            ROLE_PERMISSIONS[c.role].has(e.action) &&
            scopesAllow(c.scopes, e.action) &&
            (!entry.alsoNeeds || (can(c.role, entry.alsoNeeds) && scopesAllow(c.scopes, entry.alsoNeeds)));
        }
        const expected = c.expect === 401 ? "401" : allowed ? "allowed" : "403";
        const got = status === 401 ? "401" : status === 403 ? "403" : status >= 500 ? `500` : "allowed";
        if (got !== expected) unexpected.push(`${endpointKey(e)} — ${c.name}: expected ${expected}, got ${status}`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  test("[API-6] [SEC-4] another tenant's ids answer exactly as unknown ids: 404, never confirmed", { timeout: 300_000 }, async () => {
    const unexpected: string[] = [];
    for (const e of ENDPOINTS.filter((x) => MATRIX[endpointKey(x)].ids)) {
      const entry = MATRIX[endpointKey(e)];
      const handler = await handlerOf(e.method, e.path);
      const theirs = Object.fromEntries(Object.entries(entry.ids!).map(([p, kind]) => [p, otherTenantIds[kind]]));
      const status = await send(handler, e.method, e.path, otherTenantToken, entry, theirs);
      if (status !== 404) unexpected.push(`${endpointKey(e)} with another tenant's ids: ${status}`);
    }
    expect(unexpected).toEqual([]);
    // Nothing of the other tenant changed.
    const db = getDb();
    expect(await db.tag.count({ where: { id: otherTenantIds.tag } })).toBe(1);
    expect(await db.team.count({ where: { id: otherTenantIds.team } })).toBe(1);
    expect(await db.billingAddress.count({ where: { id: otherTenantIds.billingAddress } })).toBe(1);
    expect(await db.membership.count({ where: { id: otherTenantIds.membership } })).toBe(1);
  });
});
