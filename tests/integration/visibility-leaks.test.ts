import pg from "pg";
import { describe, expect, test } from "vitest";
import * as accountProduct from "@/app/api/[version]/accounts/[account_id]/products/[id]/route";
import * as accountProducts from "@/app/api/[version]/accounts/[account_id]/products/route";
import * as tagById from "@/app/api/[version]/tags/[id]/route";
import * as tags from "@/app/api/[version]/tags/route";
import * as teamById from "@/app/api/[version]/teams/[id]/route";
import * as teams from "@/app/api/[version]/teams/route";
import type { Actor } from "@/lib/access/actor";
import { getDb } from "@/lib/db";
import { exportProducts } from "@/lib/products/export-products";
import { getProduct } from "@/lib/products/get-product";
import { listProductOptions } from "@/lib/products/list-product-options";
import { listProducts } from "@/lib/products/list-products";
import { attachTag } from "@/lib/tags/attach-tag";
import { deleteTag } from "@/lib/tags/delete-tag";
import { detachTag } from "@/lib/tags/detach-tag";
import { listTags, listTagsPage } from "@/lib/tags/list-tags";
import { updateTag } from "@/lib/tags/update-tag";
import { getTeam } from "@/lib/teams/get-team";
import { listTeams } from "@/lib/teams/list-teams";
import { addMembers, createOrganization, createPartner, createPartnership, createProducts, createTag, createTeam, createUsers, grantProductAccess, tagProducts, createRawApiToken } from "../factories";

const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null });

/**
 * Alice (legal representative); Dario (USER) holds "dario.ch" directly and "web.ch" through the Web team;
 * "secret.ch" is granted only to the Ops team, of which Dario is not a member — he must never learn of it.
 * Ops holds "dario.ch" and "secret.ch"; a tag "Mixed" is on "dario.ch" and "secret.ch".
 */
async function setup() {
  const db = getDb();
  const [alice, dario] = await createUsers(db, [{ firstName: "Alice" }, { firstName: "Dario" }]);
  const org = await createOrganization(db, { legalRepresentativeId: alice.id });
  const [mDario] = await addMembers(db, org.id, [{ userId: dario.id, role: "USER" }]);
  const [mine, web, secret] = await createProducts(db, [
    { orgId: org.id, name: "dario.ch" },
    { orgId: org.id, name: "web.ch" },
    { orgId: org.id, name: "secret.ch" },
  ]);
  await grantProductAccess(db, { membershipId: mDario.id, productIds: [mine.id] });
  await createTeam(db, { orgId: org.id, name: "Web", membershipIds: [mDario.id], productIds: [web.id] });
  const ops = await createTeam(db, { orgId: org.id, name: "Ops", productIds: [mine.id, secret.id] });
  const mixed = await createTag(db, { orgId: org.id, name: "Mixed", color: "red" });
  await tagProducts(db, [
    { productId: mine.id, tagId: mixed.id },
    { productId: secret.id, tagId: mixed.id },
  ]);
  return { db, org, alice: asUser(alice.id), dario: asUser(dario.id), darioUserId: dario.id, products: { mine, web, secret }, ops, mixed };
}

/** A token of `userId` with every scope; the role table still limits it. */
const tokenOf = (userId: string, orgId: string) => createRawApiToken(getDb(), { userId, orgIds: [orgId], name: "sec-4" });

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
function call(handler: Handler, url: string, token: string, opts: { method?: string; body?: unknown; params?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${url}`, { method: opts.method ?? "GET", headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  return handler(request, { params: Promise.resolve({ version: "1", ...opts.params }) });
}

describe("visibility leaks (SEC-4, PRD-3)", () => {
  test("[SEC-4] [PRD-3] a team read by a USER lists and counts only the products that USER sees", async () => {
    const { db, org, alice, dario, products, ops } = await setup();
    const seen = await getTeam(db, dario, { orgId: org.id, teamId: ops.id, forPage: true });
    expect(seen.products.map((p) => p.name)).toEqual(["dario.ch"]);
    expect(seen.productCount).toBe(1);
    expect(seen.nextProductsCursor).toBeNull();
    // Paging on from the visible product finds nothing more (the hidden one sorts after it).
    const after = await getTeam(db, dario, { orgId: org.id, teamId: ops.id, forPage: true, productsAfter: Buffer.from(JSON.stringify(["dario.ch", products.mine.id])).toString("base64url") });
    expect(after.products).toEqual([]);
    // The legal representative sees every product: both grants.
    const all = await getTeam(db, alice, { orgId: org.id, teamId: ops.id, forPage: true });
    expect(all.products.map((p) => p.name)).toEqual(["dario.ch", "secret.ch"]);
    expect(all.productCount).toBe(2);
  });

  test("[SEC-4] [PRD-3] the teams list counts only the products the reader sees", async () => {
    const { db, org, alice, dario } = await setup();
    const counts = async (actor: Actor) => Object.fromEntries((await listTeams(db, actor, { orgId: org.id })).items.map((t) => [t.name, t.productCount]));
    expect(await counts(dario)).toEqual({ Ops: 1, Web: 1 });
    expect(await counts(alice)).toEqual({ Ops: 2, Web: 1 });
  });

  test("[SEC-4] [PRD-3] REST: GET /teams/{id} and GET /teams show a USER only the team's products they see", async () => {
    const { org, darioUserId, ops } = await setup();
    const token = await tokenOf(darioUserId, org.id);
    const one = await call(teamById.GET, `/api/1/teams/${ops.id}`, token, { params: { id: ops.id } });
    expect(one.status).toBe(200);
    const body = await one.json();
    expect(body.data.products.map((p: { name: string }) => p.name)).toEqual(["dario.ch"]);
    expect(JSON.stringify(body)).not.toContain("secret.ch");
    const list = await (await call(teams.GET, "/api/1/teams", token)).json();
    expect(list.data.find((t: { name: string }) => t.name === "Ops").product_count).toBe(1);
  });

  test("[SEC-4] [PRD-3] tag counts (list, management page, REST) count only the products the reader sees", async () => {
    const { db, org, alice, dario, darioUserId, mixed } = await setup();
    expect(await listTags(db, dario, { orgId: org.id })).toEqual([{ id: mixed.id, name: "Mixed", color: "red", productCount: 1 }]);
    expect((await listTags(db, alice, { orgId: org.id }))[0].productCount).toBe(2);
    const page = await listTagsPage(db, dario, { orgId: org.id });
    expect(page.items).toEqual([{ id: mixed.id, name: "Mixed", color: "red", productCount: 1, canChange: false }]);
    expect((await listTagsPage(db, alice, { orgId: org.id })).items[0]).toMatchObject({ productCount: 2, canChange: true });

    const token = await tokenOf(darioUserId, org.id);
    const list = await (await call(tags.GET, "/api/1/tags?order_by=product_count", token)).json();
    expect(list.data).toEqual([{ id: mixed.id, name: "Mixed", color: "red", product_count: 1 }]);
    const one = await (await call(tagById.GET, `/api/1/tags/${mixed.id}`, token, { params: { id: mixed.id } })).json();
    expect(one.data.product_count).toBe(1);
  });

  test("[SEC-4] [PRD-3] a USER may not rename, recolour or delete a tag carried by a product they cannot see; attaching and detaching stay allowed", async () => {
    const { db, org, dario, products, mixed } = await setup();
    const refused = { code: "FORBIDDEN", message: "errors.tagOnHiddenProducts" };
    await expect(updateTag(db, dario, { orgId: org.id, tagId: mixed.id, name: "Renamed", color: "red" })).rejects.toMatchObject(refused);
    await expect(updateTag(db, dario, { orgId: org.id, tagId: mixed.id, name: "Mixed", color: "blue" })).rejects.toMatchObject(refused);
    await expect(deleteTag(db, dario, { orgId: org.id, tagId: mixed.id })).rejects.toMatchObject(refused);
    expect(await db.tag.findUniqueOrThrow({ where: { id: mixed.id } })).toMatchObject({ name: "Mixed", color: "red" });
    expect(await db.productTag.count({ where: { tagId: mixed.id } })).toBe(2);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: { in: ["tag.updated", "tag.deleted"] } } })).toBe(0);

    // The tag on the products Dario sees stays his to attach and detach.
    expect(await detachTag(db, dario, { orgId: org.id, productId: products.mine.id, tagId: mixed.id })).toEqual({ detached: true });
    expect((await attachTag(db, dario, { orgId: org.id, productIds: [products.web.id, products.mine.id], tagId: mixed.id })).attached).toBe(2);

    // Once the hidden product no longer carries it, Dario may rename and then delete it.
    await db.productTag.delete({ where: { productId_tagId: { productId: products.secret.id, tagId: mixed.id } } });
    await expect(updateTag(db, dario, { orgId: org.id, tagId: mixed.id, name: "Mine now", color: "green" })).resolves.toMatchObject({ name: "Mine now" });
    await expect(deleteTag(db, dario, { orgId: org.id, tagId: mixed.id })).resolves.toEqual({ removedFrom: 2 });
  });

  test("[SEC-4] [PRD-3] a tag attached to a hidden product while a USER deletes it is not deleted: the check waits for that attach", async () => {
    const { db, org, dario, products } = await setup();
    const tag = await createTag(db, { orgId: org.id, name: "Racing" });
    await tagProducts(db, [{ productId: products.mine.id, tagId: tag.id }]);
    // Another session attaches the tag to the product Dario cannot see, and has not committed yet.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(`INSERT INTO "ProductTag" ("productId", "tagId") VALUES ($1, $2)`, [products.secret.id, tag.id]);
      const deleting = deleteTag(db, dario, { orgId: org.id, tagId: tag.id }).then(
        () => "deleted",
        (err: Error) => err.message,
      );
      // The deletion now waits for the attach's lock on the tag row; let the attach commit then.
      for (;;) {
        const { rows } = await other.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (rows[0].waiting > 0) break;
      }
      await other.query("COMMIT");
      expect(await deleting).toBe("errors.tagOnHiddenProducts");
    } finally {
      await other.end();
    }
    expect(await db.productTag.count({ where: { tagId: tag.id } })).toBe(2);
  });

  test("[SEC-4] [PRD-3] REST: PATCH, PUT and DELETE /tags/{id} answer 403 with the error envelope for a tag on hidden products", async () => {
    const { db, org, darioUserId, mixed } = await setup();
    const token = await tokenOf(darioUserId, org.id);
    const params = { id: mixed.id };
    const answers = [
      await call(tagById.PATCH, `/api/1/tags/${mixed.id}`, token, { method: "PATCH", body: { color: "blue" }, params }),
      await call(tagById.PUT, `/api/1/tags/${mixed.id}`, token, { method: "PUT", body: { name: "x", color: "blue" }, params }),
      await call(tagById.DELETE, `/api/1/tags/${mixed.id}`, token, { method: "DELETE", params }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        result: "error",
        error: { code: "forbidden", description: "This tag is on products you cannot see, so you cannot rename, recolour or delete it.", errors: [] },
      });
    }
    expect(await db.tag.findUniqueOrThrow({ where: { id: mixed.id } })).toMatchObject({ name: "Mixed", color: "red" });
    expect(await db.productTag.count({ where: { tagId: mixed.id } })).toBe(2);
  });

  test("[PRT-3] [SEC-4] a LIMITED partner gets NOT_FOUND on every other product of the client: page, actions, export, options and the REST API", async () => {
    const { db, org, products, mixed } = await setup();
    const partnerOrg = await createOrganization(db);
    const partner = await createPartner(db, { orgId: partnerOrg.id });
    await createPartnership(db, { partnerId: partner.id, clientOrgId: org.id, access: "LIMITED", productIds: [products.web.id] });
    const rep = asUser(partnerOrg.legalRepresentativeId);
    const outcome = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

    // The product page's service, for the granted product and the others.
    expect(await outcome(getProduct(db, rep, { orgId: org.id, productId: products.web.id }))).toBe("ok");
    for (const hidden of [products.mine, products.secret]) {
      expect(await outcome(getProduct(db, rep, { orgId: org.id, productId: hidden.id }))).toBe("NOT_FOUND");
      // Actions: tags on a product it may not see.
      expect(await outcome(attachTag(db, rep, { orgId: org.id, productIds: [hidden.id], tagId: mixed.id }))).toBe("NOT_FOUND");
      expect(await outcome(detachTag(db, rep, { orgId: org.id, productId: hidden.id, tagId: mixed.id }))).toBe("NOT_FOUND");
    }
    // The tag carried by hidden products may not be renamed or deleted through the granted one.
    expect(await outcome(updateTag(db, rep, { orgId: org.id, tagId: mixed.id, name: "renamed", color: "blue" }))).toBe("FORBIDDEN");
    // Lists, pickers and the export: the granted product only.
    expect((await listProducts(db, rep, { orgId: org.id })).items.map((p) => p.id)).toEqual([products.web.id]);
    expect((await listProductOptions(db, rep, { orgId: org.id })).items.map((p) => p.id)).toEqual([products.web.id]);
    const exported: string[] = [];
    for await (const batch of exportProducts(db, rep, { orgId: org.id })) exported.push(...batch.map((p) => p.id));
    expect(exported).toEqual([products.web.id]);
    // The REST API: a partner's token never opens the client (partners act in the console, through the partnership).
    const token = await createRawApiToken(db, { userId: partnerOrg.legalRepresentativeId, orgIds: [org.id], name: "partner" });
    for (const id of [products.web.id, products.secret.id]) {
      const res = await call(accountProduct.GET, `/api/1/accounts/${org.id}/products/${id}`, token, { params: { account_id: org.id, id } });
      expect(res.status).toBe(404);
    }
    expect((await call(accountProducts.GET, `/api/1/accounts/${org.id}/products`, token, { params: { account_id: org.id } })).status).toBe(404);
  });
});

