import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, inject, test } from "vitest";
import * as addressById from "@/app/api/[version]/accounts/current/billing-addresses/[id]/route";
import * as addresses from "@/app/api/[version]/accounts/current/billing-addresses/route";
import * as account from "@/app/api/[version]/accounts/current/route";
import * as openapi from "@/app/api/[version]/openapi.json/route";
import * as tagById from "@/app/api/[version]/tags/[id]/route";
import * as tags from "@/app/api/[version]/tags/route";
import * as teamMember from "@/app/api/[version]/teams/[id]/members/[membershipId]/route";
import * as teamById from "@/app/api/[version]/teams/[id]/route";
import * as teams from "@/app/api/[version]/teams/route";
import * as userPermissions from "@/app/api/[version]/users/[id]/permissions/route";
import * as userById from "@/app/api/[version]/users/[id]/route";
import * as users from "@/app/api/[version]/users/route";
import * as usersLatest from "@/app/api/users/route";
import type { TokenScope } from "@/lib/api-tokens/scopes";
import { getDb } from "@/lib/db";
import { waitForMail } from "@/lib/dev/mailbox";
import { ENDPOINTS } from "@/lib/http/api-endpoints";
import { addMember, createOrganization, createProducts, createUser, grantProductAccess, unique } from "../factories";
import { call, errorFields, tokenFor } from "./support/api";

const ALL_WRITE: TokenScope[] = ["accounts:write", "users:write", "teams:write", "tags:write"];

/** An Organization, its legal representative and a token of theirs with `scopes`. */
async function tenant(scopes: TokenScope[] = ALL_WRITE, org: { country?: string } = {}) {
  const db = getDb();
  const owner = await createUser(db);
  const o = await createOrganization(db, { legalRepresentativeId: owner.id, ...org });
  return { db, org: o, owner, token: await tokenFor(db, owner.id, o.id, scopes) };
}

const json = async (res: Response) =>
  (await res.json()) as { result: string; data: never; error: { code: string; errors: { code: string; description: string; context: Record<string, string> }[] } };

/** Every `data` answered must match the documented schema of its endpoint. */
function documented(path: string, method: string) {
  const e = ENDPOINTS.find((x) => (x.path === path || x.legacyPath === path) && x.method === method);
  if (!e?.response) throw new Error(`no response schema for ${method} ${path}`);
  return e.response;
}

describe("REST API writes (API-3, API-6, ORG-2, ORG-3, ORG-6, ORG-7)", () => {
  test("[API-6] a token with read-only scopes cannot write users, teams, tags or the Organization (403)", async () => {
    const t = await tenant(["accounts:read", "users:read", "teams:read", "tags:read"]);
    const db = t.db;
    const member = await addMember(db, t.org.id, (await createUser(db)).id, "USER");
    const cases: [Response, string][] = [
      [
        await call(users.POST, "/api/1/users", {
          token: t.token,
          method: "POST",
          body: { email: `${unique("x")}@example.com`, role: "USER" },
        }),
        "POST /users",
      ],
      [
        await call(userById.PATCH, `/api/1/users/${member.id}`, {
          token: t.token,
          method: "PATCH",
          body: { role: "ADMINISTRATOR" },
          params: { id: member.id },
        }),
        "PATCH /users/{id}",
      ],
      [
        await call(userById.DELETE, `/api/1/users/${member.id}`, { token: t.token, method: "DELETE", params: { id: member.id } }),
        "DELETE /users/{id}",
      ],
      [await call(teams.POST, "/api/1/teams", { token: t.token, method: "POST", body: { name: "Ops" } }), "POST /teams"],
      [
        await call(tags.POST, "/api/1/tags", { token: t.token, method: "POST", body: { name: "Red", color: "red" } }),
        "POST /tags",
      ],
      [
        await call(account.PATCH, "/api/1/accounts/current", { token: t.token, method: "PATCH", body: { name: "Renamed" } }),
        "PATCH /accounts/current",
      ],
      [
        await call(account.PUT, "/api/1/accounts/current", { token: t.token, method: "PUT", body: { name: "Renamed" } }),
        "PUT /accounts/current",
      ],
    ];
    for (const [res, what] of cases) {
      expect(res.status, what).toBe(403);
      expect(await json(res), what).toMatchObject({ result: "error", error: { code: "forbidden" } });
    }
    // Nothing was written.
    expect(await db.membership.findUnique({ where: { id: member.id } })).toMatchObject({ role: "USER" });
    expect(await db.team.count({ where: { orgId: t.org.id } })).toBe(0);
    expect((await db.organization.findUniqueOrThrow({ where: { id: t.org.id } })).name).toBe(t.org.name);
  });

  test("[API-6] one Organization's token gets 404 for another's users and teams, and changes nothing there", async () => {
    const mine = await tenant();
    const other = await tenant();
    const db = mine.db;
    const theirMember = await addMember(db, other.org.id, (await createUser(db)).id, "USER");
    const theirTeam = await db.team.create({ data: { orgId: other.org.id, name: "Theirs" } });
    const myMember = await addMember(db, mine.org.id, (await createUser(db)).id, "USER");
    const myTeam = await db.team.create({ data: { orgId: mine.org.id, name: "Mine" } });
    const cases: [Response, string][] = [
      [
        await call(userById.PATCH, "/", {
          token: mine.token,
          method: "PATCH",
          body: { role: "ADMINISTRATOR" },
          params: { id: theirMember.id },
        }),
        "PATCH user",
      ],
      [await call(userById.GET, "/", { token: mine.token, params: { id: theirMember.id } }), "GET user"],
      [await call(userById.DELETE, "/", { token: mine.token, method: "DELETE", params: { id: theirMember.id } }), "DELETE user"],
      [
        await call(userById.DELETE, "/", {
          token: mine.token,
          method: "DELETE",
          params: { id: other.org.legalRepresentativeMembershipId },
        }),
        "DELETE their owner",
      ],
      [await call(teamById.GET, "/", { token: mine.token, params: { id: theirTeam.id } }), "GET team"],
      [
        await call(teamById.PATCH, "/", {
          token: mine.token,
          method: "PATCH",
          body: { name: "Hijacked" },
          params: { id: theirTeam.id },
        }),
        "PATCH team",
      ],
      [await call(teamById.DELETE, "/", { token: mine.token, method: "DELETE", params: { id: theirTeam.id } }), "DELETE team"],
      [
        await call(teamMember.PUT, "/", {
          token: mine.token,
          method: "PUT",
          params: { id: theirTeam.id, membershipId: myMember.id },
        }),
        "PUT member in their team",
      ],
      [
        await call(teamMember.PUT, "/", {
          token: mine.token,
          method: "PUT",
          params: { id: myTeam.id, membershipId: theirMember.id },
        }),
        "PUT their member in my team",
      ],
      [
        await call(userById.DELETE, "/", { token: mine.token, method: "DELETE", params: { id: "does-not-exist" } }),
        "DELETE unknown",
      ],
    ];
    for (const [res, what] of cases) {
      expect(res.status, what).toBe(404);
      expect(await json(res), what).toMatchObject({ result: "error", error: { code: "not_found" } });
    }
    const theirUsers = await json(await call(users.GET, "/api/1/users", { token: mine.token }));
    expect((theirUsers.data as { id: string }[]).map((u) => u.id)).not.toContain(theirMember.id);
    expect(await db.team.findUniqueOrThrow({ where: { id: theirTeam.id } })).toMatchObject({ name: "Theirs" });
    expect(
      await db.membership.count({ where: { id: { in: [theirMember.id, other.org.legalRepresentativeMembershipId] } } }),
    ).toBe(2);
    expect(await db.teamMember.count({ where: { OR: [{ teamId: theirTeam.id }, { membershipId: theirMember.id }] } })).toBe(0);
  });

  test("[ORG-2][SEC-2] POST /users invites by e-mail, also an existing account; GET reads one; PATCH changes the role; DELETE removes", async () => {
    const t = await tenant(["users:write"]);
    const db = t.db;
    const [product] = await createProducts(db, [{ orgId: t.org.id, name: "shop.ch" }]);
    const newcomer = `${unique("new")}@example.com`;
    const invited = await call(users.POST, "/api/1/users", {
      token: t.token,
      method: "POST",
      body: { email: newcomer.toUpperCase(), role: "USER", product_ids: [product.id], contact_prefs: ["TECHNICAL"] },
    });
    expect(invited.status).toBe(201);
    const inv = (await json(invited)).data as { kind: string; id: string; email: string; status: string };
    expect(documented("/users", "POST").safeParse(inv).success).toBe(true);
    expect(inv).toMatchObject({ kind: "invitation", email: newcomer, status: "invited" });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: inv.id } })).toMatchObject({
      orgId: t.org.id,
      role: "USER",
      productIds: [product.id],
      contactPrefs: ["TECHNICAL"],
    });
    await waitForMail(inject("mailboxUrl"), { to: newcomer, timeoutMs: 15_000 });
    const gotInvitation = await call(userById.GET, "/", { token: t.token, params: { id: inv.id } });
    expect(gotInvitation.status).toBe(200);
    expect(documented("/users/{id}", "GET").parse((await json(gotInvitation)).data)).toMatchObject({
      kind: "invitation",
      id: inv.id,
      email: newcomer,
      role: "USER",
      status: "invited",
    });

    // SEC-2: an address with an account gets an invitation too, answered exactly like an unknown one.
    const existing = await createUser(db);
    const added = await call(usersLatest.POST, "/api/users", {
      token: t.token,
      method: "POST",
      body: { email: existing.email, role: "ADMINISTRATOR" },
    });
    expect(added.status).toBe(201);
    const invExisting = (await json(added)).data as { kind: string; id: string };
    expect(invExisting).toMatchObject({ kind: "invitation", email: existing.email, role: "ADMINISTRATOR", status: "invited" });
    expect(await db.membership.count({ where: { orgId: t.org.id, userId: existing.id } })).toBe(0);

    // A member (listed by GET /users anyway) cannot be added twice.
    const member = await addMember(db, t.org.id, existing.id, "ADMINISTRATOR");
    const gotMember = (await json(await call(userById.GET, "/", { token: t.token, params: { id: member.id } }))).data;
    expect(gotMember).toMatchObject({ kind: "member", id: member.id, user_id: existing.id, email: existing.email, role: "ADMINISTRATOR", status: "active" });
    const again = await call(users.POST, "/api/1/users", {
      token: t.token,
      method: "POST",
      body: { email: existing.email, role: "USER" },
    });
    expect(again.status).toBe(409);
    expect(errorFields((await json(again)).error)).toHaveProperty("email");

    const listed = await json(await call(users.GET, "/api/1/users?order_by=name", { token: t.token }));
    expect(documented("/users", "GET").safeParse(listed.data).success).toBe(true);
    expect((listed.data as { id: string; kind: string }[]).map((u) => [u.kind, u.id])).toEqual(
      expect.arrayContaining([
        ["invitation", inv.id],
        ["member", member.id],
      ]),
    );

    const patched = await call(userById.PATCH, "/", {
      token: t.token,
      method: "PATCH",
      body: { role: "USER" },
      params: { id: member.id },
    });
    expect(patched.status).toBe(200);
    expect((await json(patched)).data).toEqual({ id: member.id, role: "USER", changed: true });
    expect(await db.membership.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ role: "USER" });

    const removed = await call(userById.DELETE, "/", { token: t.token, method: "DELETE", params: { id: member.id } });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe("");
    expect(await db.membership.findUnique({ where: { id: member.id } })).toBeNull();
    const revoked = await call(userById.DELETE, "/", { token: t.token, method: "DELETE", params: { id: inv.id } });
    expect(revoked.status).toBe(204);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: inv.id } })).revokedAt).not.toBeNull();
    // Every write went through the services, which audit it.
    const actions = (
      await db.auditLog.findMany({ where: { orgId: t.org.id, actorKind: "API_TOKEN" }, select: { action: true } })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "invitation.created",
        "membership.roleChanged",
        "membership.removed",
        "invitation.revoked",
      ]),
    );
  });

  test("[SEC-2][ORG-2] POST /users answers the same status, shape and mail for an address with an account and one without", async () => {
    const t = await tenant(["users:write"]);
    const db = t.db;
    const withAccount = await createUser(db);
    await createOrganization(db, { legalRepresentativeId: withAccount.id });
    const unknown = `${unique("nobody")}@example.com`;
    const answers = [];
    for (const email of [withAccount.email, unknown]) {
      const res = await call(users.POST, "/api/1/users", { token: t.token, method: "POST", body: { email, role: "USER" } });
      const body = (await json(res)) as unknown as { result: string; data: Record<string, unknown> };
      const mail = await waitForMail(inject("mailboxUrl"), { to: email, timeoutMs: 15_000 });
      // Apart from the address and the new id, nothing differs: not the status, the keys, the values or the mail.
      answers.push({
        status: res.status,
        body: { ...body, data: { ...body.data, id: typeof body.data.id, email: body.data.email === email } },
        subject: mail.subject,
        template: (await db.emailOutbox.findFirstOrThrow({ where: { toAddress: email } })).template,
      });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ status: 201, body: { data: { kind: "invitation", status: "invited" } }, template: "invitation" });
    expect(await db.membership.count({ where: { orgId: t.org.id, userId: withAccount.id } })).toBe(0);
  });

  test("[ORG-5] PUT /users/{id}/permissions replaces a member's product access and contact preferences, GET reads them; unseen products and other tenants are 404, read-only tokens 403", async () => {
    const t = await tenant(["users:write"]);
    const db = t.db;
    const member = await addMember(db, t.org.id, (await createUser(db)).id, "USER");
    const [shop, blog] = await createProducts(db, [
      { orgId: t.org.id, name: "shop.ch" },
      { orgId: t.org.id, name: "blog.ch" },
    ]);
    const other = await tenant(["users:write"]);
    const [theirs] = await createProducts(db, [{ orgId: other.org.id, name: "theirs.ch" }]);
    const put = (token: string, body: unknown, id = member.id) =>
      call(userPermissions.PUT, "/", { token, method: "PUT", body, params: { id } });
    const grants = async () => (await db.productAccess.findMany({ where: { membershipId: member.id }, select: { productId: true } })).map((g) => g.productId).sort();

    const first = await put(t.token, { product_ids: [shop.id, blog.id], contact_prefs: ["TECHNICAL"] });
    expect(first.status).toBe(200);
    expect(documented("/users/{id}/permissions", "PUT").parse((await json(first)).data)).toEqual({
      id: member.id,
      product_ids: [shop.id, blog.id],
      contact_prefs: ["TECHNICAL"],
      changed: true,
    });
    expect(await grants()).toEqual([shop.id, blog.id].sort());
    const replaced = (await json(await put(t.token, { product_ids: [blog.id], contact_prefs: ["TECHNICAL"] }))).data;
    expect(replaced).toMatchObject({ product_ids: [blog.id], changed: true });
    expect(await grants()).toEqual([blog.id]);
    expect((await json(await put(t.token, { product_ids: [blog.id], contact_prefs: ["TECHNICAL"] }))).data).toMatchObject({ changed: false });

    // Nothing is written when any part is refused.
    const unseen = await put(t.token, { product_ids: [shop.id, theirs.id], contact_prefs: [] });
    expect(unseen.status).toBe(404);
    expect((await put(other.token, { product_ids: [], contact_prefs: [] })).status).toBe(404);
    const readOnly = await tokenFor(db, t.owner.id, t.org.id, ["users:read", "accounts:read"]);
    expect((await put(readOnly, { product_ids: [], contact_prefs: [] })).status).toBe(403);
    expect((await put(readOnly, { product_ids: [], contact_prefs: [] }, t.org.legalRepresentativeMembershipId)).status).toBe(403);
    const bad = await put(t.token, { product_ids: "all", contact_prefs: ["NOPE"] });
    expect(bad.status).toBe(400);
    expect(Object.keys(errorFields((await json(bad)).error)).sort()).toEqual(["contact_prefs.0", "product_ids"]);
    expect(await grants()).toEqual([blog.id]);
    expect(await db.membership.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ contactPrefs: ["TECHNICAL"] });

    // GET reads the same, with what a team grants apart; `users:read` suffices, another tenant gets 404.
    const team = await db.team.create({ data: { orgId: t.org.id, name: "Support" } });
    await db.teamMember.create({ data: { teamId: team.id, membershipId: member.id } });
    await grantProductAccess(db, { productIds: [shop.id], teamId: team.id });
    const read = await call(userPermissions.GET, "/", { token: readOnly, params: { id: member.id } });
    expect(read.status).toBe(200);
    expect(documented("/users/{id}/permissions", "GET").parse((await json(read)).data)).toEqual({
      id: member.id,
      product_ids: [blog.id],
      team_product_ids: [shop.id],
      contact_prefs: ["TECHNICAL"],
    });
    expect((await call(userPermissions.GET, "/", { token: other.token, params: { id: member.id } })).status).toBe(404);
    const accountsOnly = await tokenFor(db, t.owner.id, t.org.id, ["accounts:read"]);
    expect((await call(userPermissions.GET, "/", { token: accountsOnly, params: { id: member.id } })).status).toBe(403);
  });

  test("[ORG-5] through the API nobody grants more than they hold: an administrator's token cannot add a legal representative or touch one", async () => {
    const t = await tenant();
    const admin = await createUser(t.db);
    await addMember(t.db, t.org.id, admin.id, "ADMINISTRATOR");
    const token = await tokenFor(t.db, admin.id, t.org.id, ["users:write"]);
    const res = await call(users.POST, "/api/1/users", {
      token,
      method: "POST",
      body: { email: `${unique("lr")}@example.com`, role: "LEGAL_REPRESENTATIVE" },
    });
    expect(res.status).toBe(403);
    const demote = await call(userById.PATCH, "/", {
      token,
      method: "PATCH",
      body: { role: "USER" },
      params: { id: t.org.legalRepresentativeMembershipId },
    });
    expect(demote.status).toBe(403);
    const remove = await call(userById.DELETE, "/", {
      token,
      method: "DELETE",
      params: { id: t.org.legalRepresentativeMembershipId },
    });
    expect(remove.status).toBe(403);
    expect(await t.db.membership.findUniqueOrThrow({ where: { id: t.org.legalRepresentativeMembershipId } })).toMatchObject({
      role: "LEGAL_REPRESENTATIVE",
    });
  });

  test("[ORG-3] the last legal representative can be neither demoted nor removed through the API; promote another first", async () => {
    const t = await tenant(["users:write"]);
    const db = t.db;
    const lr = t.org.legalRepresentativeMembershipId;
    const demote = await call(userById.PATCH, "/", {
      token: t.token,
      method: "PATCH",
      body: { role: "ADMINISTRATOR" },
      params: { id: lr },
    });
    expect(demote.status).toBe(409);
    expect(await json(demote)).toMatchObject({
      result: "error",
      error: { code: "conflict", description: expect.stringMatching(/legal representative/i) },
    });
    const remove = await call(userById.DELETE, "/", { token: t.token, method: "DELETE", params: { id: lr } });
    expect(remove.status).toBe(409);
    expect(await db.membership.findUniqueOrThrow({ where: { id: lr } })).toMatchObject({ role: "LEGAL_REPRESENTATIVE" });

    // Replacing one = promote another first; then the two step down at the same time, each with their
    // own token: one wins, the other is refused, and the Organization keeps a legal representative.
    const secondUser = await createUser(db);
    const second = await addMember(db, t.org.id, secondUser.id, "USER");
    expect(
      (
        await call(userById.PATCH, "/", {
          token: t.token,
          method: "PATCH",
          body: { role: "LEGAL_REPRESENTATIVE" },
          params: { id: second.id },
        })
      ).status,
    ).toBe(200);
    const secondToken = await tokenFor(db, secondUser.id, t.org.id, ["users:write"]);
    const [a, b] = await Promise.all([
      call(userById.PATCH, "/", { token: t.token, method: "PATCH", body: { role: "USER" }, params: { id: lr } }),
      call(userById.PATCH, "/", { token: secondToken, method: "PATCH", body: { role: "USER" }, params: { id: second.id } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await db.membership.count({ where: { orgId: t.org.id, role: "LEGAL_REPRESENTATIVE" } })).toBe(1);
  });

  test("[ORG-6] teams: create (201), read, rename by PATCH and PUT, add and remove a member (204), delete (204)", async () => {
    const t = await tenant(["teams:write", "users:read"]);
    const db = t.db;
    const member = await addMember(db, t.org.id, (await createUser(db)).id, "USER");
    const created = await call(teams.POST, "/api/1/teams", { token: t.token, method: "POST", body: { name: "  Support  " } });
    expect(created.status).toBe(201);
    const team = (await json(created)).data as { id: string; name: string };
    expect(documented("/teams", "POST").parse(team)).toMatchObject({ name: "Support", members: [], products: [] });

    const dup = await call(teams.POST, "/api/1/teams", { token: t.token, method: "POST", body: { name: "Support" } });
    expect(dup.status).toBe(409);
    expect(errorFields((await json(dup)).error)).toHaveProperty("name");

    const p = { id: team.id };
    expect(
      (await json(await call(teamById.PATCH, "/", { token: t.token, method: "PATCH", body: { name: "Helpdesk" }, params: p })))
        .data,
    ).toMatchObject({ id: team.id, name: "Helpdesk" });
    expect(
      (await json(await call(teamById.PUT, "/", { token: t.token, method: "PUT", body: { name: "Customer care" }, params: p })))
        .data,
    ).toMatchObject({ name: "Customer care" });

    const add = await call(teamMember.PUT, "/", {
      token: t.token,
      method: "PUT",
      params: { id: team.id, membershipId: member.id },
    });
    expect(add.status).toBe(204);
    expect(
      (await call(teamMember.PUT, "/", { token: t.token, method: "PUT", params: { id: team.id, membershipId: member.id } }))
        .status,
    ).toBe(204);
    const read = await json(await call(teamById.GET, "/", { token: t.token, params: p }));
    expect(documented("/teams/{id}", "GET").safeParse(read.data).success).toBe(true);
    expect(read.data).toMatchObject({ name: "Customer care", members: [{ membership_id: member.id, role: "USER" }] });
    const byTeam = await json(await call(users.GET, `/api/1/users?team_id=${team.id}`, { token: t.token }));
    expect((byTeam.data as { id: string }[]).map((u) => u.id)).toEqual([member.id]);

    expect(
      (await call(teamMember.DELETE, "/", { token: t.token, method: "DELETE", params: { id: team.id, membershipId: member.id } }))
        .status,
    ).toBe(204);
    expect(await db.teamMember.count({ where: { teamId: team.id } })).toBe(0);
    expect((await call(teamById.DELETE, "/", { token: t.token, method: "DELETE", params: p })).status).toBe(204);
    expect(await db.team.findUnique({ where: { id: team.id } })).toBeNull();
    expect((await call(teamById.GET, "/", { token: t.token, params: p })).status).toBe(404);
    expect(await db.membership.findUnique({ where: { id: member.id } })).not.toBeNull();
  });

  test("[TAG-3] tags: create (201), read, rename by PATCH and PUT (200 with the tag), delete (204) round trip", async () => {
    const t = await tenant(["tags:write"]);
    const created = await call(tags.POST, "/api/1/tags", {
      token: t.token,
      method: "POST",
      body: { name: "Client A", color: "blue" },
    });
    expect(created.status).toBe(201);
    const tag = (await json(created)).data as { id: string };
    expect(documented("/tags", "POST").parse(tag)).toMatchObject({ name: "Client A", color: "blue" });
    const [product] = await createProducts(t.db, [{ orgId: t.org.id, name: "tagged.ch" }]);
    await t.db.productTag.create({ data: { productId: product.id, tagId: tag.id } });
    const got = await json(await call(tagById.GET, "/", { token: t.token, params: { id: tag.id } }));
    expect(got.data).toEqual({ id: tag.id, name: "Client A", color: "blue", product_count: 1 });
    const patched = await json(
      await call(tagById.PATCH, "/", { token: t.token, method: "PATCH", body: { color: "green" }, params: { id: tag.id } }),
    );
    expect(patched.data).toEqual({ id: tag.id, name: "Client A", color: "green" });
    // PUT replaces both fields, so both are required.
    const partial = await call(tagById.PUT, "/", { token: t.token, method: "PUT", body: { name: "Client B" }, params: { id: tag.id } });
    expect(partial.status).toBe(400);
    const put = await json(
      await call(tagById.PUT, "/", { token: t.token, method: "PUT", body: { name: "Client B", color: "teal" }, params: { id: tag.id } }),
    );
    expect(put.data).toEqual({ id: tag.id, name: "Client B", color: "teal" });
    const other = await tenant(["tags:write"]);
    for (const res of [
      await call(tagById.GET, "/", { token: other.token, params: { id: tag.id } }),
      await call(tagById.PUT, "/", { token: other.token, method: "PUT", body: { name: "Hijacked", color: "red" }, params: { id: tag.id } }),
    ]) {
      expect(res.status).toBe(404);
    }
    expect(await t.db.tag.findUniqueOrThrow({ where: { id: tag.id } })).toMatchObject({ name: "Client B", color: "teal" });
    expect((await call(tagById.DELETE, "/", { token: t.token, method: "DELETE", params: { id: tag.id } })).status).toBe(204);
    expect(await t.db.tag.findUnique({ where: { id: tag.id } })).toBeNull();
    expect((await call(tagById.DELETE, "/", { token: t.token, method: "DELETE", params: { id: tag.id } })).status).toBe(404);
    expect((await call(tagById.GET, "/", { token: t.token, params: { id: tag.id } })).status).toBe(404);
  });

  test("[ORG-7] the Organization: PATCH changes only what is sent, PUT replaces the editable details, both answer the updated Organization", async () => {
    const t = await tenant(["accounts:write"], { country: "FR" });
    const patched = await call(account.PATCH, "/api/1/accounts/current", {
      token: t.token,
      method: "PATCH",
      body: { city: "Lyon", contact_email: "Billing@Example.com" },
    });
    expect(patched.status).toBe(200);
    const after = (await json(patched)).data as Record<string, unknown>;
    expect(documented("/accounts/current", "PATCH").safeParse(after).success).toBe(true);
    expect(after).toMatchObject({
      id: t.org.id,
      name: t.org.name,
      city: "Lyon",
      contact_email: "billing@example.com",
      can_edit: true,
    });

    const put = await call(account.PUT, "/api/1/accounts/current", {
      token: t.token,
      method: "PUT",
      body: {
        name: "Acme SAS",
        street: "1 rue de la Paix",
        postal_code: "75002",
        city: "Paris",
        vat_number: "FR40303265045",
        vat_terms_accepted: true,
      },
    });
    expect(put.status).toBe(200);
    expect((await json(put)).data).toMatchObject({
      name: "Acme SAS",
      street: "1 rue de la Paix",
      postal_code: "75002",
      city: "Paris",
      contact_email: null,
      vat_number: "FR40303265045",
      vat_number_valid: true,
    });
    const read = await json(await call(account.GET, "/api/1/accounts/current", { token: t.token }));
    expect(read.data).toMatchObject({ name: "Acme SAS", vat_number: "FR40303265045" });
    // Sending the saved VAT number back needs no new acceptance of the terms.
    expect(
      (await call(account.PATCH, "/", { token: t.token, method: "PATCH", body: { name: "Acme", vat_number: "FR40303265045" } }))
        .status,
    ).toBe(200);
    const audits = await t.db.auditLog.count({ where: { orgId: t.org.id, action: { in: ["org.updated", "org.vatNumberChanged"] } } });
    expect(audits).toBe(4);
  });

  test("[ORG-7] billing addresses: add (201), change by PATCH and PUT, make default, delete (204); another tenant's address is 404", async () => {
    const t = await tenant(["accounts:write"]);
    const other = await tenant(["accounts:write"]);
    const home = {
      label: "Head office",
      name: "Acme SA",
      street: "Rue du Lac 1",
      postal_code: "1200",
      city: "Genève",
      country: "CH",
    };
    const first = await call(addresses.POST, "/", { token: t.token, method: "POST", body: home });
    expect(first.status).toBe(201);
    const a = (await json(first)).data as { id: string };
    expect(documented("/accounts/current/billing-addresses", "POST").parse(a)).toMatchObject({ ...home, is_default: true });
    const second = (
      await json(
        await call(addresses.POST, "/", {
          token: t.token,
          method: "POST",
          body: { ...home, label: "Branch", city: "Zürich", postal_code: "8001" },
        }),
      )
    ).data as { id: string; is_default: boolean };
    expect(second.is_default).toBe(false);

    const patched = await json(
      await call(addressById.PATCH, "/", {
        token: t.token,
        method: "PATCH",
        body: { street: "Quai 2", is_default: true },
        params: { id: second.id },
      }),
    );
    expect(patched.data).toMatchObject({ id: second.id, street: "Quai 2", city: "Zürich", is_default: true });
    const put = await json(
      await call(addressById.PUT, "/", { token: t.token, method: "PUT", body: { ...home, label: "HQ" }, params: { id: a.id } }),
    );
    expect(put.data).toMatchObject({ id: a.id, label: "HQ", is_default: false });
    const bad = await call(addressById.PUT, "/", {
      token: t.token,
      method: "PUT",
      body: { ...home, postal_code: "", country: "XX" },
      params: { id: a.id },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(errorFields((await json(bad)).error)).sort()).toEqual(["country", "postal_code"]);

    expect((await call(addressById.DELETE, "/", { token: other.token, method: "DELETE", params: { id: a.id } })).status).toBe(
      404,
    );
    expect(
      (await call(addressById.PATCH, "/", { token: other.token, method: "PATCH", body: { city: "Lyon" }, params: { id: a.id } }))
        .status,
    ).toBe(404);
    expect((await call(addressById.DELETE, "/", { token: t.token, method: "DELETE", params: { id: second.id } })).status).toBe(
      204,
    );
    const org = await json(await call(account.GET, "/", { token: t.token }));
    expect((org.data as { billing_addresses: { id: string; is_default: boolean }[] }).billing_addresses).toEqual([
      expect.objectContaining({ id: a.id, label: "HQ", is_default: true }),
    ]);
  });

  test("[ORG-1] only a legal representative changes the Organization: an administrator's token is refused even with its scopes", async () => {
    const t = await tenant();
    const db = t.db;
    const owner2 = await addMember(db, t.org.id, (await createUser(db)).id, "LEGAL_REPRESENTATIVE");
    const user = await db.membership.findUniqueOrThrow({ where: { id: owner2.id }, select: { userId: true } });
    const token = await tokenFor(db, user.userId, t.org.id, ["accounts:write"]);
    // Demoted after the token was made: the owner's current role applies (API-6).
    await db.membership.update({ where: { id: owner2.id }, data: { role: "ADMINISTRATOR" } });
    const res = await call(account.PATCH, "/", { token, method: "PATCH", body: { name: "Taken over" } });
    expect(res.status).toBe(403);
    expect((await db.organization.findUniqueOrThrow({ where: { id: t.org.id } })).name).toBe(t.org.name);
  });

  test("[API-4] invalid bodies answer 400 with the fields by the names the request used, never 500", async () => {
    const t = await tenant(ALL_WRITE, { country: "CH" });
    const cases: [Response, string[]][] = [
      [
        await call(users.POST, "/", { token: t.token, method: "POST", body: { email: "not-an-email", role: "BOSS" } }),
        ["email", "role"],
      ],
      [
        await call(users.POST, "/", {
          token: t.token,
          method: "POST",
          body: { email: `${unique("p")}@example.com`, role: "USER", product_ids: ["nope"] },
        }),
        ["product_ids"],
      ],
      [await call(teams.POST, "/", { token: t.token, method: "POST", body: { name: "   " } }), ["name"]],
      [await call(teams.POST, "/", { token: t.token, method: "POST", body: { name: "x".repeat(81) } }), ["name"]],
      [
        await call(account.PATCH, "/", {
          token: t.token,
          method: "PATCH",
          body: { contact_email: "nope", website: "ftp://x", phone: "abc" },
        }),
        ["contact_email", "website", "phone"],
      ],
      [await call(account.PATCH, "/", { token: t.token, method: "PATCH", body: {} }), ["_"]],
      [await call(account.PUT, "/", { token: t.token, method: "PUT", body: { city: "Bern" } }), ["name"]],
      // A Swiss company has no EU VAT number (VAT-2): the service's refusal names the API's field.
      [
        await call(account.PATCH, "/", {
          token: t.token,
          method: "PATCH",
          body: { vat_number: "CHE-123.456.789", vat_terms_accepted: true },
        }),
        ["vat_number"],
      ],
      [
        await call(userById.PATCH, "/", {
          token: t.token,
          method: "PATCH",
          body: { role: 3 },
          params: { id: t.org.legalRepresentativeMembershipId },
        }),
        ["role"],
      ],
    ];
    for (const [res, fields] of cases) {
      expect(res.status, fields.join()).toBe(400);
      const body = await json(res);
      expect(body.error.code).toBe("invalid_input");
      expect(Object.keys(errorFields(body.error)).sort(), fields.join()).toEqual([...fields].sort());
      for (const messages of Object.values(errorFields(body.error)))
        for (const m of messages) expect(m).not.toMatch(/^(validation|errors)\./);
    }
  });

  test("[API-3] openapi.json validates as OpenAPI 3.1 and documents every endpoint with its request and answer schemas and error answers", async () => {
    const res = await openapi.GET(new Request("http://localhost/api/1/openapi.json"), {
      params: Promise.resolve({ version: "1" }),
    });
    const doc = JSON.parse(await res.text());
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");

    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    for (const e of ENDPOINTS) {
      const path = `/${e.versions[e.versions.length - 1]}${e.path}`;
      const op = doc.paths[path]?.[e.method.toLowerCase()];
      const what = `${e.method} ${path}`;
      expect(op, what).toBeDefined();
      expect(op.security, what).toEqual([{ bearer: [e.scope] }]);
      expect(Object.keys(op.responses), what).toEqual(expect.arrayContaining(["401", "403", "429"]));
      for (const name of e.path.match(/\{(\w+)\}/g) ?? []) {
        expect(
          op.parameters.find((p: { name: string; in: string }) => p.in === "path" && `{${p.name}}` === name),
          `${what} ${name}`,
        ).toBeDefined();
        expect(op.responses["404"], what).toEqual({ $ref: "#/components/responses/NotFound" });
      }
      if (["POST", "PATCH", "PUT"].includes(e.method) && e.schema) {
        const body = op.requestBody.content["application/json"].schema;
        expect(body.type ?? body.anyOf, what).toBeDefined();
        expect(op.responses["400"], what).toEqual({ $ref: "#/components/responses/BadRequest" });
      }
      const status = String(e.successStatus ?? 200);
      if (status === "204") {
        expect(op.responses["204"].content, what).toBeUndefined();
      } else if (e.produces) {
        // A download (an invoice's PDF) is documented as the file itself.
        expect(op.responses[status].content[e.produces].schema, what).toEqual({ type: "string", format: "binary" });
      } else {
        const data = op.responses[status].content["application/json"].schema.properties.data;
        expect(data.type ?? data.anyOf, what).toBeDefined();
      }
    }
    expect(doc.paths["/1/users"].post.deprecated).toBe(true);
    expect(doc.paths["/2/accounts/{account_id}/invitations"]).toBeUndefined();
    expect(doc.paths["/1/accounts/{account_id}/invitations"].post.requestBody.content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["email", "role_type"]),
    );
    expect(doc.paths["/2/accounts/{account_id}/users"].post.requestBody.content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["email", "role"]),
    );
    expect(doc.paths["/2/accounts/{account_id}/users/{id}"].delete.responses["409"]).toEqual({ $ref: "#/components/responses/Conflict" });
    expect(
      doc.paths["/1/accounts/{account_id}/invoices"].get.responses["200"].content["application/json"].schema.properties.data.items.properties.total_minor
        .type,
    ).toBe("integer");
    expect(doc.components.responses.TooManyRequests.headers["Retry-After"]).toBeDefined();
  });
});
