import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import * as accountsLatest from "@/app/api/accounts/current/route";
import * as accounts from "@/app/api/[version]/accounts/current/route";
import * as openapi from "@/app/api/[version]/openapi.json/route";
import * as productTag from "@/app/api/[version]/products/[id]/tags/[tagId]/route";
import * as productTags from "@/app/api/[version]/products/[id]/tags/route";
import * as product from "@/app/api/[version]/products/[id]/route";
import * as products from "@/app/api/[version]/products/route";
import * as tagById from "@/app/api/[version]/tags/[id]/route";
import * as tags from "@/app/api/[version]/tags/route";
import * as teams from "@/app/api/[version]/teams/route";
import * as users from "@/app/api/[version]/users/route";
import { ENDPOINTS } from "@/lib/http/api-endpoints";
import { openApiDocument } from "@/lib/http/openapi";
import * as productsLatest from "@/app/api/products/route";
import type { Actor } from "@/lib/access/actor";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";
import type { TokenScope } from "@/lib/api-tokens/scopes";
import { getDb } from "@/lib/db";
import { addMember, createOrganization, createProducts, createUser, DEFAULT_PASSWORD } from "../factories";
import { errorFields } from "./support/api";

const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null });

async function tenant(scopes: TokenScope[] = ["accounts:read", "products:read", "tags:write", "users:read", "teams:read"]) {
  const db = getDb();
  const owner = await createUser(db);
  const org = await createOrganization(db, { legalRepresentativeId: owner.id, name: `Org ${Math.random()}` });
  const list = await createProducts(db, [
    { orgId: org.id, name: "alpha.ch" },
    { orgId: org.id, name: "beta.ch" },
    { orgId: org.id, name: "gamma.ch" },
  ]);
  const { token, id } = await createApiToken(db, asUser(owner.id), { orgIds: [org.id], name: "test", scopes, password: DEFAULT_PASSWORD });
  return { db, org, owner: asUser(owner.id), products: list, token, tokenId: id };
}

type Params = Record<string, string>;
function call(handler: (r: Request, c: { params: Promise<Params> }) => Promise<Response>, url: string, opts: { token?: string; method?: string; body?: unknown; params?: Params } = {}) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${url}`, { method: opts.method ?? "GET", headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  return handler(request, { params: Promise.resolve(opts.params ?? { version: "1" }) });
}

describe("REST API (API-1 … API-6)", () => {
  test("[API-1] success envelope, bearer auth, paging with per_page, order and return=total", async () => {
    const t = await tenant();
    const res = await call(products.GET, "/api/1/products?per_page=2&order_by=name&order=desc", { token: t.token });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = await res.json();
    expect(body).toMatchObject({ result: "success", total: 3, pages: 2, items_per_page: 2, page: 1 });
    expect(body.data.map((p: { name: string }) => p.name)).toEqual(["gamma.ch", "beta.ch"]);
    const page2 = await (await call(products.GET, "/api/1/products?per_page=2&order_by=name&order=desc&page=2", { token: t.token })).json();
    expect(page2.data.map((p: { name: string }) => p.name)).toEqual(["alpha.ch"]);
    expect(page2).toMatchObject({ total: 3, pages: 2, page: 2 });

    const account = await (await call(accounts.GET, "/api/1/accounts/current", { token: t.token })).json();
    expect(account).toMatchObject({ result: "success", data: { id: t.org.id } });
    const one = await (await call(product.GET, `/api/1/products/${t.products[0].id}`, { token: t.token, params: { version: "1", id: t.products[0].id } })).json();
    expect(one).toMatchObject({ result: "success", data: { id: t.products[0].id, name: "alpha.ch" } });
    const u = await (await call(users.GET, "/api/1/users", { token: t.token })).json();
    expect(u).toMatchObject({ result: "success", total: 1 });
    const tm = await (await call(teams.GET, "/api/1/teams", { token: t.token })).json();
    expect(tm).toMatchObject({ result: "success", data: [] });
  });

  test("[API-4] every answer names its fields in snake_case, like the documented schemas", async () => {
    const t = await tenant();
    const camel = (value: unknown, path = "data"): string[] =>
      Array.isArray(value)
        ? value.flatMap((v, i) => camel(v, `${path}[${i}]`))
        : value && typeof value === "object"
          ? Object.entries(value).flatMap(([k, v]) => [...(/[a-z][A-Z]/.test(k) ? [`${path}.${k}`] : []), ...camel(v, `${path}.${k}`)])
          : [];
    const answers = [
      await call(products.GET, "/api/1/products", { token: t.token }),
      await call(product.GET, `/api/1/products/${t.products[0].id}`, { token: t.token, params: { version: "1", id: t.products[0].id } }),
      await call(accounts.GET, "/api/1/accounts/current", { token: t.token }),
      await call(users.GET, "/api/1/users", { token: t.token }),
      await call(tags.GET, "/api/1/tags", { token: t.token }),
    ];
    for (const res of answers) expect(camel((await res.json()).data)).toEqual([]);
    const one = await (await call(product.GET, `/api/1/products/${t.products[0].id}`, { token: t.token, params: { version: "1", id: t.products[0].id } })).json();
    expect(one.data).toHaveProperty("expires_at");
    expect(one.data).toHaveProperty("renewal_period_months");
    // Every property name of every documented answer body is snake_case too.
    const propertyNames = (node: unknown): string[] =>
      Array.isArray(node)
        ? node.flatMap(propertyNames)
        : node && typeof node === "object"
          ? [
              ...Object.keys((node as { properties?: object }).properties ?? {}),
              ...Object.values(node).flatMap(propertyNames),
            ]
          : [];
    const responses = Object.values(openApiDocument().paths as Record<string, Record<string, { responses?: unknown }>>).flatMap((ops) => Object.values(ops).map((op) => op.responses));
    expect(propertyNames(responses).filter((name) => /[a-z][A-Z]/.test(name))).toEqual([]);
  });

  test("[API-1] tags: create, attach, detach, rename, delete through the same services as the console", async () => {
    const t = await tenant();
    const created = await call(tags.POST, "/api/1/tags", { token: t.token, method: "POST", body: { name: "Urgent", color: "red" } });
    expect(created.status).toBe(201);
    const tag = (await created.json()).data;
    const p = t.products[0].id;
    const attach = await call(productTag.PUT, `/api/1/products/${p}/tags/${tag.id}`, { token: t.token, method: "PUT", params: { version: "1", id: p, tagId: tag.id } });
    expect(attach.status).toBe(204);
    expect(await attach.text()).toBe("");
    const byName = await call(productTags.POST, `/api/1/products/${t.products[1].id}/tags`, { token: t.token, method: "POST", body: { name: "New one", color: "teal" }, params: { version: "1", id: t.products[1].id } });
    expect(byName.status).toBe(201);
    const listed = await (await call(tags.GET, "/api/1/tags?order_by=product_count&order=desc", { token: t.token })).json();
    expect(listed.data.map((x: { name: string; product_count: number }) => [x.name, x.product_count]).sort()).toEqual([
      ["New one", 1],
      ["Urgent", 1],
    ]);
    const renamed = await call(tagById.PATCH, `/api/1/tags/${tag.id}`, { token: t.token, method: "PATCH", body: { name: "Very urgent" }, params: { version: "1", id: tag.id } });
    expect(await renamed.json()).toMatchObject({ result: "success", data: { name: "Very urgent", color: "red" } });
    const detached = await call(productTag.DELETE, `/api/1/products/${p}/tags/${tag.id}`, { token: t.token, method: "DELETE", params: { version: "1", id: p, tagId: tag.id } });
    expect(detached.status).toBe(204);
    const deleted = await call(tagById.DELETE, `/api/1/tags/${tag.id}`, { token: t.token, method: "DELETE", params: { version: "1", id: tag.id } });
    expect(deleted.status).toBe(204);
    expect((await (await call(tags.GET, "/api/1/tags", { token: t.token })).json()).data.map((x: { id: string }) => x.id)).not.toContain(tag.id);
  });

  test("[API-2] /api/… is the latest version; an unknown version answers a 404 JSON error", async () => {
    const t = await tenant();
    const latest = await call(productsLatest.GET, "/api/products", { token: t.token, params: {} });
    expect(latest.status).toBe(200);
    expect((await latest.json()).data).toHaveLength(3);
    const acc = await call(accountsLatest.GET, "/api/accounts/current", { token: t.token, params: {} });
    expect(acc.status).toBe(200);
    const unknown = await call(products.GET, "/api/2/products", { token: t.token, params: { version: "2" } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ result: "error", error: { code: "not_found" } });
  });

  test("[API-4] error shape: 401 without or with a bad token, 400 with field details, never a 500", async () => {
    const t = await tenant();
    const none = await call(products.GET, "/api/1/products");
    expect(none.status).toBe(401);
    const body = await none.json();
    expect(body).toEqual({ result: "error", error: { code: "unauthenticated", description: expect.any(String), errors: [] } });
    expect((await call(products.GET, "/api/1/products", { token: "mgr_forged" })).status).toBe(401);
    const bad = await call(tags.POST, "/api/1/tags", { token: t.token, method: "POST", body: { name: "", color: "chartreuse" } });
    expect(bad.status).toBe(400);
    const err = await bad.json();
    expect(err).toMatchObject({ result: "error", error: { code: "invalid_input" } });
    expect(Object.keys(errorFields(err.error))).toEqual(expect.arrayContaining(["name", "color"]));
    expect(err.error.errors[0]).toEqual({ code: expect.any(String), description: expect.any(String), context: { field: expect.any(String) } });
    const perPage = await call(products.GET, "/api/1/products?per_page=101", { token: t.token });
    expect(perPage.status).toBe(400);
    const notJson = await tags.POST(
      new Request("http://localhost/api/1/tags", { method: "POST", headers: { authorization: `Bearer ${t.token}` }, body: "{oops" }),
      { params: Promise.resolve({ version: "1" }) },
    );
    expect(notJson.status).toBe(400);
    await call(tags.POST, "/api/1/tags", { token: t.token, method: "POST", body: { name: "Dup", color: "red" } });
    const dup = await call(tags.POST, "/api/1/tags", { token: t.token, method: "POST", body: { name: "dup", color: "red" } });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ result: "error", error: { code: "conflict" } });
    await revokeApiToken(t.db, t.owner, { orgId: t.org.id, tokenId: t.tokenId });
    expect((await call(products.GET, "/api/1/products", { token: t.token })).status).toBe(401);
  });

  test("[API-6] a read-only products token cannot write (403); one Organization's token gets 404 for another's product", async () => {
    const readOnly = await tenant(["products:read"]);
    const denied = await call(tags.POST, "/api/1/tags", { token: readOnly.token, method: "POST", body: { name: "Nope", color: "red" } });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ result: "error", error: { code: "forbidden" } });
    expect((await call(accounts.GET, "/api/1/accounts/current", { token: readOnly.token })).status).toBe(403);
    expect((await call(products.GET, "/api/1/products", { token: readOnly.token })).status).toBe(200);

    const other = await tenant();
    const foreign = other.products[0].id;
    const res = await call(product.GET, `/api/1/products/${foreign}`, { token: readOnly.token, params: { version: "1", id: foreign } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ result: "error", error: { code: "not_found" } });
    const writer = await tenant();
    const tagRes = await call(productTags.POST, `/api/1/products/${foreign}/tags`, { token: writer.token, method: "POST", body: { name: "x" }, params: { version: "1", id: foreign } });
    expect(tagRes.status).toBe(404);
    const listed = await (await call(products.GET, "/api/1/products", { token: writer.token })).json();
    expect(listed.data.map((p: { id: string }) => p.id)).not.toContain(foreign);
  });

  test("[API-6] a token never exceeds its owner's current role: demoted rights apply at once", async () => {
    const db = getDb();
    const t = await tenant();
    const member = await createUser(db);
    const m = await addMember(db, t.org.id, member.id, "ADMINISTRATOR");
    const { token } = await createApiToken(db, asUser(member.id), { orgIds: [t.org.id], name: "admin", scopes: ["users:read"], password: DEFAULT_PASSWORD });
    expect((await call(users.GET, "/api/1/users", { token })).status).toBe(200);
    await db.membership.update({ where: { id: m.id }, data: { role: "EXTERNAL" } });
    expect((await call(users.GET, "/api/1/users", { token })).status).toBe(403);
  });

  test("[API-5] 60 requests per minute per token: the 61st gets 429 with Retry-After and rate-limit headers", async () => {
    const t = await tenant(["tags:read"]);
    let last: Response | null = null;
    for (let i = 1; i <= 60; i++) {
      last = await call(tags.GET, "/api/1/tags", { token: t.token });
      expect(last.status).toBe(200);
    }
    expect(last!.headers.get("X-RateLimit-Limit")).toBe("60");
    expect(last!.headers.get("X-RateLimit-Remaining")).toBe("0");
    expect(Number(last!.headers.get("X-RateLimit-Reset"))).toBeGreaterThan(0);
    const limited = await call(tags.GET, "/api/1/tags", { token: t.token });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(limited.headers.get("X-RateLimit-Remaining")).toBe("0");
    expect(await limited.json()).toMatchObject({ result: "error", error: { code: "rate_limited" } });
    // Another token keeps its own budget.
    const other = await tenant(["tags:read"]);
    expect((await call(tags.GET, "/api/1/tags", { token: other.token })).status).toBe(200);
  });

  test("[API-3] openapi.json is an OpenAPI 3.1 document listing every route, generated from the zod schemas", async () => {
    const res = await openapi.GET(new Request("http://localhost/api/1/openapi.json"), { params: Promise.resolve({ version: "1" }) });
    expect(res.status).toBe(200);
    const doc = JSON.parse(await res.text());
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "/api" }]);
    // Every route file under app/api/[version] (but the document itself) is an endpoint's path or its
    // deprecated alias, and exports exactly the methods documented there.
    const root = path.resolve("app/api/[version]");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name === "route.ts") files.push(full);
      }
    };
    walk(root);
    const routePaths = files
      .map((f) => "/" + path.relative(root, path.dirname(f)).split(path.sep).join("/").replace(/\[(\w+)\]/g, "{$1}"))
      .filter((p) => p !== "/openapi.json");
    const declared = new Map<string, string[]>();
    for (const e of ENDPOINTS) {
      for (const p of [e.path, e.legacyPath].filter((x): x is string => Boolean(x))) declared.set(p, [...(declared.get(p) ?? []), e.method]);
    }
    expect(routePaths.sort()).toEqual([...declared.keys()].sort());
    for (const file of files.filter((f) => !f.includes("openapi.json"))) {
      const p = "/" + path.relative(root, path.dirname(file)).split(path.sep).join("/").replace(/\[(\w+)\]/g, "{$1}");
      const mod = (await import(file)) as Record<string, unknown>;
      const methods = Object.keys(mod).filter((k) => ["GET", "POST", "PATCH", "PUT", "DELETE"].includes(k));
      expect(methods.sort(), p).toEqual([...declared.get(p)!].sort());
      const documented = p.startsWith("/accounts/{account_id}") ? ENDPOINTS.find((e) => e.path === p)!.versions.map((v) => `/${v}${p}`) : [`/1${p}`];
      for (const d of documented) {
        expect(Object.keys(doc.paths[d] ?? {}).sort(), d).toEqual(methods.map((m) => m.toLowerCase()).sort());
        for (const m of methods) expect(doc.paths[d][m.toLowerCase()]["x-scope"]).toMatch(/^\w+:(read|write)$/);
      }
    }
    expect(doc.paths["/1/accounts/{account_id}/tags"].post.requestBody.content["application/json"].schema.properties.color.enum).toContain("teal");
    expect(doc.paths["/1/accounts/{account_id}/products"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["account_id", "page", "per_page", "order_by", "order", "cursor"]),
    );
    expect(doc.paths["/1/products"].get.deprecated).toBe(true);
    const unknown = await openapi.GET(new Request("http://localhost/api/9/openapi.json"), { params: Promise.resolve({ version: "9" }) });
    expect(unknown.status).toBe(404);
  });
});
