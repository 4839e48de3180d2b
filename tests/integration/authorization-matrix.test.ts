import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { can, ROLE_PERMISSIONS, type Action } from "@/lib/access/permissions";
import { scopesAllow, scopesInclude, TOKEN_SCOPES } from "@/lib/api-tokens/scopes";
import { displayPrefix, generateToken } from "@/lib/api-tokens/token-format";
import { clock, MINUTE } from "@/lib/clock";
import { getDb, type Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { ENDPOINTS } from "@/lib/http/api-endpoints";
import { hashSecret } from "@/lib/security/tokens";
import { addMember, createInvoice, createOrder, type InvoiceOrg, createOrganization, createProducts, createTag, createTeam, createUser, unique } from "../factories";

/**
 * The REST half of the authorization matrix: every endpoint of the endpoint list × every kind of token
 * caller, each outcome checked against the tables (token-scope table, role table) and the endpoint's own
 * declaration (scope and action). An endpoint without an entry below fails the test, so a new endpoint is
 * in the matrix from its first day. The console half (pages and route handlers) runs end to end in
 * tests/e2e/foundation/authorization-matrix.spec.ts.
 */

type IdKind = "product" | "tag" | "team" | "membership" | "invoice" | "billingAddress" | "order" | "payment";
type Entry = {
  /** A valid body: denials must come from authorization, not from input checks. */
  body?: Record<string, unknown>;
  /** What each path parameter names. */
  ids?: Record<string, IdKind>;
  /** The action the service needs beyond the declared one, for the ids used here (e.g. someone else's membership). */
  alsoNeeds?: Action;
};

const address = { label: "HQ", name: "Matrix SA", street: "Rue 1", postal_code: "1000", city: "Lausanne", country: "CH" };
afterAll(() => clock.reset());

const MATRIX: Record<string, Entry> = {
  "GET /accounts": {},
  "POST /accounts/{account_id}/invitations": { body: { email: "matrix-invited@example.com", role_type: "user" } },
  "GET /accounts/{account_id}": {},
  "PATCH /accounts/{account_id}": { body: { city: "Lausanne" } },
  "PUT /accounts/{account_id}": { body: { name: "Matrix SA" } },
  "POST /accounts/{account_id}/billing-addresses": { body: address },
  "PATCH /accounts/{account_id}/billing-addresses/{id}": { body: { city: "Bern" }, ids: { id: "billingAddress" } },
  "PUT /accounts/{account_id}/billing-addresses/{id}": { body: address, ids: { id: "billingAddress" } },
  "DELETE /accounts/{account_id}/billing-addresses/{id}": { ids: { id: "billingAddress" } },
  "GET /accounts/{account_id}/invoices": {},
  "GET /accounts/{account_id}/invoices/{id}": { ids: { id: "invoice" } },
  "GET /accounts/{account_id}/invoices/{id}/pdf": { ids: { id: "invoice" } },
  "GET /accounts/{account_id}/orders": {},
  "GET /accounts/{account_id}/orders/{id}": { ids: { id: "order" } },
  "GET /accounts/{account_id}/payments": {},
  "GET /accounts/{account_id}/payments/{id}": { ids: { id: "payment" } },
  "GET /accounts/{account_id}/partnerships": {},
  "GET /accounts/{account_id}/products": {},
  "GET /accounts/{account_id}/products/{id}": { ids: { id: "product" } },
  "GET /accounts/{account_id}/tags": {},
  "POST /accounts/{account_id}/tags": { body: { name: "matrix", color: "red" } },
  "GET /accounts/{account_id}/tags/{id}": { ids: { id: "tag" } },
  "PATCH /accounts/{account_id}/tags/{id}": { body: { color: "blue" }, ids: { id: "tag" } },
  "PUT /accounts/{account_id}/tags/{id}": { body: { name: "matrix-put", color: "green" }, ids: { id: "tag" } },
  "DELETE /accounts/{account_id}/tags/{id}": { ids: { id: "tag" } },
  "POST /accounts/{account_id}/products/{id}/tags": { body: { name: "matrix-attach" }, ids: { id: "product" } },
  "PUT /accounts/{account_id}/products/{id}/tags/{tagId}": { ids: { id: "product", tagId: "tag" } },
  "DELETE /accounts/{account_id}/products/{id}/tags/{tagId}": { ids: { id: "product", tagId: "tag" } },
  "GET /accounts/{account_id}/teams": {},
  "GET /accounts/{account_id}/teams/{id}": { ids: { id: "team" } },
  "POST /accounts/{account_id}/teams": { body: { name: "Matrix team" } },
  "PATCH /accounts/{account_id}/teams/{id}": { body: { name: "Renamed team" }, ids: { id: "team" } },
  "PUT /accounts/{account_id}/teams/{id}": { body: { name: "Renamed team" }, ids: { id: "team" } },
  "DELETE /accounts/{account_id}/teams/{id}": { ids: { id: "team" } },
  "PUT /accounts/{account_id}/teams/{id}/members/{membershipId}": { ids: { id: "team", membershipId: "membership" } },
  "DELETE /accounts/{account_id}/teams/{id}/members/{membershipId}": { ids: { id: "team", membershipId: "membership" } },
  "GET /accounts/{account_id}/users": {},
  "GET /accounts/{account_id}/users/{id}": { ids: { id: "membership" } },
  "POST /accounts/{account_id}/users": { body: { email: "matrix-invitee@example.com", role: "EXTERNAL" } },
  "PATCH /accounts/{account_id}/users/{id}": { body: { role: "EXTERNAL" }, ids: { id: "membership" } },
  "GET /accounts/{account_id}/users/{id}/permissions": { ids: { id: "membership" } },
  "PUT /accounts/{account_id}/users/{id}/permissions": { body: { product_ids: [], contact_prefs: [] }, ids: { id: "membership" }, alsoNeeds: "users.update" },
  "DELETE /accounts/{account_id}/users/{id}": { ids: { id: "membership" } },
};

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function handlerOf(method: string, apiPath: string): Promise<Handler> {
  const file = path.resolve("app/api/[version]", `.${apiPath.replace(/\{(\w+)\}/g, "[$1]")}`, "route.ts");
  const mod = (await import(file)) as Record<string, Handler>;
  if (!mod[method]) throw new Error(`${method} ${apiPath}: ${file} exports no ${method}`);
  return mod[method];
}

async function rawToken(db: Db, userId: string, orgIds: string[] | null, scopes: string[]): Promise<string> {
  // Inserted directly: a token keeps its scopes when its owner is later demoted, which is what the
  // role rows of the matrix stand for. `null`: a personal token acting in all of its owner's Organizations.
  const token = generateToken();
  await db.apiToken.create({
    data: {
      userId,
      name: "matrix",
      tokenHash: hashSecret(token),
      displayPrefix: displayPrefix(token),
      scopes,
      ...(orgIds ? { organizations: { create: orgIds.map((orgId) => ({ orgId })) } } : {}),
    },
  });
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
  const order = await createOrder(db, { org });
  const payment = await db.payment.create({ data: { orgId, invoiceId: order.invoice.id, methodType: "CARD", amountMinor: order.totalMinor, currency: order.currency, idempotencyKey: unique("matrix-payment") } });
  return { product: product.id, tag: tag.id, team: team.id, membership: memberId, invoice: invoice.id, billingAddress: billingAddress.id, order: order.id, payment: payment.id } satisfies Record<IdKind, string>;
}

/**
 * A kind of token caller: `table` — the answer follows the scope and role tables for `role` (the owner's
 * role in the Organization of the path); 401 — refused as a credential; 404 — the token cannot act in the
 * Organization (restricted elsewhere, or its owner is not a member), so it does not exist for it.
 */
type Caller = { name: string; token: string | null; role: Role | null; scopes: string[]; expect: "table" | 401 | 404 };

let orgId: string;
let callers: Caller[];
/** The same kinds of caller as the role rows, with their own tokens (each token has 60 requests a minute). */
let legacyCallers: Caller[];
let otherTenantIds: Record<IdKind, string>;
let otherTenantOrgId: string;
let otherTenantToken: string;

beforeAll(async () => {
  const db = getDb();
  const org = await createOrganization(db);
  orgId = org.id;
  const elsewhere = await createOrganization(db);
  const byRole = { LEGAL_REPRESENTATIVE: org.legalRepresentativeId } as Record<Role, string>;
  for (const role of ["ADMINISTRATOR", "USER", "EXTERNAL"] as const) byRole[role] = (await createUser(db)).id;
  for (const role of ["ADMINISTRATOR", "USER", "EXTERNAL"] as const) await addMember(db, org.id, byRole[role], role);
  const leaver = await createUser(db);
  await addMember(db, org.id, leaver.id, "ADMINISTRATOR");
  const leaverToken = await rawToken(db, leaver.id, [org.id], [...TOKEN_SCOPES]);
  await db.membership.delete({ where: { orgId_userId: { orgId: org.id, userId: leaver.id } } });
  const revoked = await rawToken(db, byRole.LEGAL_REPRESENTATIVE, [org.id], [...TOKEN_SCOPES]);
  await db.apiToken.updateMany({ where: { tokenHash: hashSecret(revoked) }, data: { revokedAt: new Date() } });

  callers = [{ name: "no token", token: null, role: null, scopes: [], expect: 401 }];
  for (const scope of TOKEN_SCOPES) {
    callers.push({ name: `legal representative, ${scope}`, token: await rawToken(db, byRole.LEGAL_REPRESENTATIVE, [org.id], [scope]), role: "LEGAL_REPRESENTATIVE", scopes: [scope], expect: "table" });
  }
  for (const role of ["ADMINISTRATOR", "USER", "EXTERNAL"] as const) {
    callers.push({ name: `${role}, every scope`, token: await rawToken(db, byRole[role], [org.id], [...TOKEN_SCOPES]), role, scopes: [...TOKEN_SCOPES], expect: "table" });
  }
  legacyCallers = [];
  for (const role of ["LEGAL_REPRESENTATIVE", "ADMINISTRATOR", "USER", "EXTERNAL"] as const) {
    legacyCallers.push({ name: `${role}, every scope`, token: await rawToken(db, byRole[role], [org.id], [...TOKEN_SCOPES]), role, scopes: [...TOKEN_SCOPES], expect: "table" });
  }
  callers.push({ name: "owner left the Organization", token: leaverToken, role: null, scopes: [...TOKEN_SCOPES], expect: 404 });
  callers.push({ name: "revoked token", token: revoked, role: null, scopes: [], expect: 401 });

  // Personal tokens (TOK-1, API-6): the role that counts is the owner's in the Organization of the path.
  const mixed = await createUser(db);
  await addMember(db, org.id, mixed.id, "USER");
  await addMember(db, elsewhere.id, mixed.id, "ADMINISTRATOR");
  callers.push({ name: "unrestricted, USER here and administrator elsewhere", token: await rawToken(db, mixed.id, null, [...TOKEN_SCOPES]), role: "USER", scopes: [...TOKEN_SCOPES], expect: "table" });
  const adminHere = await createUser(db);
  await addMember(db, org.id, adminHere.id, "ADMINISTRATOR");
  await addMember(db, elsewhere.id, adminHere.id, "USER");
  callers.push({ name: "unrestricted, administrator here and USER elsewhere", token: await rawToken(db, adminHere.id, null, [...TOKEN_SCOPES]), role: "ADMINISTRATOR", scopes: [...TOKEN_SCOPES], expect: "table" });
  await addMember(db, elsewhere.id, byRole.LEGAL_REPRESENTATIVE, "LEGAL_REPRESENTATIVE");
  callers.push({ name: "legal representative here, token restricted to another Organization", token: await rawToken(db, byRole.LEGAL_REPRESENTATIVE, [elsewhere.id], [...TOKEN_SCOPES]), role: null, scopes: [...TOKEN_SCOPES], expect: 404 });
  callers.push({ name: "unrestricted, owner not a member here", token: await rawToken(db, elsewhere.legalRepresentativeId, null, [...TOKEN_SCOPES]), role: null, scopes: [...TOKEN_SCOPES], expect: 404 });

  const other = await createOrganization(db);
  otherTenantOrgId = other.id;
  otherTenantIds = await objectsOf(db, other, other.legalRepresentativeMembershipId);
  otherTenantToken = await rawToken(db, org.legalRepresentativeId, null, [...TOKEN_SCOPES]);
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

/** The path parameters of an endpoint: the Organization (when the path names one) and the entry's ids. */
function idsFor(e: { path: string }, entry: Entry, values: (kind: IdKind) => string, account: string): Record<string, string> {
  return {
    ...(e.path.includes("{account_id}") ? { account_id: account } : {}),
    ...Object.fromEntries(Object.entries(entry.ids ?? {}).map(([p, kind]) => [p, values(kind)])),
  };
}

describe("authorization matrix: REST API", () => {
  test("[API-6] every endpoint of the endpoint list has a matrix entry, and every entry an endpoint", () => {
    const declared = ENDPOINTS.map(endpointKey);
    expect(declared.filter((k) => !(k in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !declared.includes(k))).toEqual([]);
  });

  test(`[API-6] [TOK-1] [ORG-1] [SEC-4] ${ENDPOINTS.length} endpoints × ${TOKEN_SCOPES.length + 10} token callers, personal tokens included: each answer is what the scope and role tables say`, { timeout: 900_000 }, async () => {
    const unexpected: string[] = [];
    for (const e of ENDPOINTS) {
      const entry = MATRIX[endpointKey(e)];
      const handler = await handlerOf(e.method, e.path);
      const scoped = e.path.includes("{account_id}");
      const fakeIds = idsFor(e, entry, () => FAKE, orgId);
      for (const c of callers) {
        const status = await send(handler, e.method, e.path, c.token, entry, fakeIds);
        let expected: string;
        if (c.expect === 401) expected = "401";
        else if (c.expect === 404) expected = scoped ? "404" : scopesInclude(c.scopes, e.scope) ? "allowed" : "403";
        else {
          const allowed =
            Boolean(c.role) &&
            scopesInclude(c.scopes, e.scope) &&
            ROLE_PERMISSIONS[c.role!].has(e.action) &&
            scopesAllow(c.scopes, e.action) &&
            (!entry.alsoNeeds || (can(c.role!, entry.alsoNeeds) && scopesAllow(c.scopes, entry.alsoNeeds)));
          expected = allowed ? "allowed" : "403";
        }
        // An allowed call on unknown ids answers 404 (or 400 from the service): what matters is that it got past authorization.
        const got = status === 401 ? "401" : status === 403 ? "403" : status >= 500 ? "500" : c.expect === 404 && status === 404 ? "404" : "allowed";
        if (got !== expected) unexpected.push(`${endpointKey(e)} — ${c.name}: expected ${expected}, got ${status}`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  test("[API-6] [SEC-4] another tenant's ids answer exactly as unknown ids: 404, never confirmed — in one's own Organization and in theirs", { timeout: 300_000 }, async () => {
    const unexpected: string[] = [];
    for (const e of ENDPOINTS.filter((x) => x.path.includes("{account_id}"))) {
      const entry = MATRIX[endpointKey(e)];
      const handler = await handlerOf(e.method, e.path);
      // One token makes every request here: a minute per endpoint keeps it under the per-token rate limit (60/min).
      clock.advance(MINUTE + 1_000);
      for (const account of [orgId, otherTenantOrgId]) {
        if (!entry.ids && account === orgId) continue;
        const theirs = idsFor(e, entry, (kind) => otherTenantIds[kind], account);
        const status = await send(handler, e.method, e.path, otherTenantToken, entry, theirs);
        if (status !== 404) unexpected.push(`${endpointKey(e)} with another tenant's ids${account === orgId ? "" : " and Organization"}: ${status}`);
      }
    }
    expect(unexpected).toEqual([]);
    // Nothing of the other tenant changed.
    const db = getDb();
    expect(await db.tag.count({ where: { id: otherTenantIds.tag } })).toBe(1);
    expect(await db.team.count({ where: { id: otherTenantIds.team } })).toBe(1);
    expect(await db.billingAddress.count({ where: { id: otherTenantIds.billingAddress } })).toBe(1);
    expect(await db.membership.count({ where: { id: otherTenantIds.membership } })).toBe(1);
  });

  test("[API-2] [API-6] each deprecated path answers as its successor for a token of one Organization, with Deprecation and Link headers", { timeout: 600_000 }, async () => {
    const unexpected: string[] = [];
    const sample = legacyCallers;
    for (const e of ENDPOINTS.filter((x) => x.legacyPath)) {
      const entry = MATRIX[endpointKey(e)];
      const legacy = await handlerOf(e.method, e.legacyPath!);
      const fakeIds = idsFor({ path: e.legacyPath! }, entry, () => FAKE, orgId);
      for (const c of sample) {
        const headers: Record<string, string> = { authorization: `Bearer ${c.token}` };
        if (entry.body) headers["content-type"] = "application/json";
        const res = await legacy(new Request(`http://localhost${urlOf(e.legacyPath!, fakeIds)}`, { method: e.method, headers, body: entry.body ? JSON.stringify(entry.body) : undefined }), {
          params: Promise.resolve({ version: "1", ...fakeIds }),
        });
        const allowed = ROLE_PERMISSIONS[c.role!].has(e.action) && (!entry.alsoNeeds || can(c.role!, entry.alsoNeeds));
        const got = res.status === 403 ? "403" : res.status >= 500 || res.status === 401 ? String(res.status) : "allowed";
        if (got !== (allowed ? "allowed" : "403")) unexpected.push(`${e.method} ${e.legacyPath} — ${c.name}: ${res.status}`);
        if (!res.headers.get("deprecation")?.startsWith("@")) unexpected.push(`${e.method} ${e.legacyPath}: no Deprecation header`);
        if (!res.headers.get("link")?.includes(`/accounts/${orgId}`) || !res.headers.get("link")?.endsWith('rel="successor-version"')) {
          unexpected.push(`${e.method} ${e.legacyPath}: Link ${res.headers.get("link")}`);
        }
      }
    }
    expect(unexpected).toEqual([]);
  });
});
