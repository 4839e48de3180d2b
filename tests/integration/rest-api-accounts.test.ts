import { beforeAll, describe, expect, test } from "vitest";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { getDb } from "@/lib/db";
import { addMember, addMembers, createInvoice, createOrganization, createProducts, createTeam, createUser, createUsers, DEFAULT_PASSWORD, unique } from "../factories";
import { apiFetch } from "./support/api-server";
import { asUser } from "./support/api";
import { DocClient } from "./support/doc-client";

/**
 * Done means (API-1 … API-6, TOK-1): a client written only from the documentation works with one personal
 * token across two Organizations, with the owner's role in each, and is refused in a third.
 */
const USERS_IN_A = 61;
const PRODUCTS_IN_A = 130;

let world: {
  a: string;
  b: string;
  c: string;
  invoiceId: string;
  teamNames: string[];
  personal: string;
  restricted: string;
};

beforeAll(async () => {
  const db = getDb();
  const me = await createUser(db, { firstName: "Dora", lastName: "Client" });
  const a = await createOrganization(db, { legalRepresentativeId: me.id, name: "Alpha Large SA" });
  const b = await createOrganization(db, { name: "Beta GmbH" });
  await addMember(db, b.id, me.id, "ADMINISTRATOR");
  const c = await createOrganization(db, { name: "Gamma Sàrl" });
  // A large Organization: 60 more members and 130 products.
  const people = await createUsers(db, Array.from({ length: USERS_IN_A - 1 }, (_, i) => ({ email: `${unique(`m${i}`)}@example.test`, passwordHash: "unused" })));
  await addMembers(db, a.id, people.map((p) => ({ userId: p.id, role: "USER" as const })));
  await createProducts(db, Array.from({ length: PRODUCTS_IN_A }, (_, i) => ({ orgId: a.id, name: `p${String(i).padStart(3, "0")}.example` })));
  const invoice = await createInvoice(db, { org: a });
  const teams = [await createTeam(db, { orgId: b.id, name: "Ops" }), await createTeam(db, { orgId: b.id, name: "Web" })];
  const scopes = ["accounts:read", "users:write", "teams:read", "products:read", "invoices:read"] as const;
  const personal = await createApiToken(db, asUser(me.id), { name: "laptop", scopes: [...scopes], password: DEFAULT_PASSWORD });
  const restricted = await createApiToken(db, asUser(me.id), { orgIds: [a.id], name: "ci", scopes: [...scopes], password: DEFAULT_PASSWORD });
  world = { a: a.id, b: b.id, c: c.id, invoiceId: invoice.id, teamNames: teams.map((t) => t.name), personal: personal.token, restricted: restricted.token };
});

describe("a client written from the documentation (API-1 … API-6, TOK-1)", () => {
  test("[API-2] [API-4] [TOK-1] one personal token over two Organizations: accounts, paged users and products, an invitation, teams, an invoice; a third Organization is 404", { timeout: 300_000 }, async () => {
    const client = new DocClient("http://localhost/api", world.personal, apiFetch);
    const doc = await client.loadDocument();
    expect(doc.servers[0].url).toBe("/api");

    const accounts = await client.accounts();
    expect(accounts.items.map((x) => [x.id, x.type]).sort()).toEqual(
      [
        [world.a, "owner"],
        [world.b, "admin"],
      ].sort(),
    );
    expect(accounts.items.find((x) => x.id === world.a)).toMatchObject({ name: "Alpha Large SA", legal_entity_type: expect.stringMatching(/^(company|individual)$/), created_at: expect.any(Number) });
    expect(accounts.items[0].created_at).toBeLessThan(Date.now() / 1000 + 1);

    const users = await client.users(world.a, 25);
    expect(users.total).toBe(USERS_IN_A);
    expect(users.pagesSeen).toBe(Math.ceil(USERS_IN_A / 25));
    expect(new Set(users.items.map((u) => u.user_id)).size).toBe(USERS_IN_A);
    expect(users.items.find((u) => u.first_name === "Dora")).toMatchObject({ last_name: "Client", display_name: "Dora Client", role: "LEGAL_REPRESENTATIVE" });

    const products = await client.products(world.a, 50);
    expect(products.total).toBe(PRODUCTS_IN_A);
    expect(products.pagesSeen).toBe(3);
    expect(new Set(products.items.map((p) => p.id)).size).toBe(PRODUCTS_IN_A);

    const email = `${unique("invited")}@example.test`;
    const invited = await client.invite(world.b, { first_name: "Ivan", last_name: "Invitee", email, role_type: "user" });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ result: "success", data: { email, role_type: "user" } });
    // An administrator there may not make someone an owner (never beyond the role in that Organization).
    const tooHigh = await client.invite(world.b, { first_name: "O", last_name: "Wner", email: `${unique("owner")}@example.test`, role_type: "owner" });
    expect(tooHigh.status).toBe(403);

    const teams = await client.teams(world.b);
    expect(teams.items.map((t) => t.name).sort()).toEqual(world.teamNames.sort());

    const invoices = await client.invoices(world.a);
    expect(invoices.items.map((i) => i.id)).toContain(world.invoiceId);
    const invoice = await client.invoice(world.a, world.invoiceId);
    expect(invoice.status).toBe(200);
    expect(invoice.body).toMatchObject({ result: "success", data: { id: world.invoiceId, lines: expect.any(Array) } });

    // The third Organization does not exist for this token, whatever the path.
    for (const res of [
      await client.account(world.c),
      await client.request("GET", `/2/accounts/${world.c}/users`),
      await client.request("GET", `/1/accounts/${world.c}/teams`),
      await client.invite(world.c, { first_name: "X", last_name: "Y", email: `${unique("x")}@example.test`, role_type: "user" }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ result: "error", error: { code: "not_found", errors: [] } });
    }
    // A documented field error names the field in its context.
    const bad = await client.invite(world.b, { first_name: "X", last_name: "Y", email: "not an address", role_type: "user" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ result: "error", error: { code: "invalid_input", errors: [{ context: { field: "email" } }] } });
  });

  test("[API-6] [TOK-1] a token restricted to one Organization sees only it, and the deprecated paths act there", async () => {
    const client = new DocClient("http://localhost/api", world.restricted, apiFetch);
    await client.loadDocument();
    const accounts = await client.accounts();
    expect(accounts.items.map((x) => x.id)).toEqual([world.a]);
    expect((await client.request("GET", `/1/accounts/${world.b}/teams`)).status).toBe(404);
    expect((await client.account(world.a)).status).toBe(200);
    // The one-Organization path of before still works for it, and names its successor.
    const legacy = await client.request<{ data: { id: string } }>("GET", "/1/accounts/current");
    expect(legacy.status).toBe(200);
    expect(legacy.body.data.id).toBe(world.a);
    expect(legacy.headers.get("deprecation")).toMatch(/^@\d+$/);
    expect(legacy.headers.get("link")).toBe(`</api/1/accounts/${world.a}>; rel="successor-version"`);
  });

  test("[API-2] a deprecated path with a token that can act in two Organizations asks for one (400 account_required)", async () => {
    const client = new DocClient("http://localhost/api", world.personal, apiFetch);
    await client.loadDocument();
    const res = await client.request<{ error: { code: string; description: string } }>("GET", "/1/products");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("account_required");
    expect(res.body.error.description).toContain("/1/accounts");
    // Without a version: the latest version of each path (users: 2).
    const latest = await apiFetch(`http://localhost/api/accounts/${world.a}/users?per_page=1`, { headers: { authorization: `Bearer ${world.personal}` } });
    expect(latest.status).toBe(200);
    expect(await latest.json()).toMatchObject({ total: USERS_IN_A, pages: USERS_IN_A, items_per_page: 1, page: 1 });
  });
});
