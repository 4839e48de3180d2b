import { describe, expect, test } from "vitest";
import * as productTag from "@/app/api/[version]/products/[id]/tags/[tagId]/route";
import * as productTags from "@/app/api/[version]/products/[id]/tags/route";
import * as product from "@/app/api/[version]/products/[id]/route";
import * as tagById from "@/app/api/[version]/tags/[id]/route";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { getDb } from "@/lib/db";
import { getProduct } from "@/lib/products/get-product";
import { listProducts } from "@/lib/products/list-products";
import { requireProductsToChange } from "@/lib/products/visible-products";
import { attachTag } from "@/lib/tags/attach-tag";
import { deleteTag } from "@/lib/tags/delete-tag";
import { detachTag } from "@/lib/tags/detach-tag";
import { listTagsPage } from "@/lib/tags/list-tags";
import { updateTag } from "@/lib/tags/update-tag";
import { grantTeamProducts } from "@/lib/teams/grant-team-products";
import { addMembers, createOrganization, createProducts, createTag, createTeam, createUsers, grantProductAccess, tagProducts, createRawApiToken } from "../factories";

const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null });

/**
 * Alice (legal representative) and Adam (administrator, who also holds a READ grant); Dario (USER) holds
 * "read.ch" through a READ grant, "manage.ch" through a MANAGE grant, and "both.ch" through a READ grant of
 * his own plus a MANAGE grant of his team. A tag "Shared" is on read.ch and manage.ch.
 */
async function setup() {
  const db = getDb();
  const [alice, adam, dario] = await createUsers(db, [{ firstName: "Alice" }, { firstName: "Adam" }, { firstName: "Dario" }]);
  const org = await createOrganization(db, { legalRepresentativeId: alice.id });
  const [mAdam, mDario] = await addMembers(db, org.id, [
    { userId: adam.id, role: "ADMINISTRATOR" },
    { userId: dario.id, role: "USER" },
  ]);
  const [read, manage, both] = await createProducts(db, [
    { orgId: org.id, name: "read.ch" },
    { orgId: org.id, name: "manage.ch" },
    { orgId: org.id, name: "both.ch" },
  ]);
  await grantProductAccess(db, { membershipId: mDario.id, productIds: [read.id, both.id], level: "READ" });
  await grantProductAccess(db, { membershipId: mDario.id, productIds: [manage.id], level: "MANAGE" });
  await grantProductAccess(db, { membershipId: mAdam.id, productIds: [read.id], level: "READ" });
  const team = await createTeam(db, { orgId: org.id, name: "Web", membershipIds: [mDario.id] });
  await grantProductAccess(db, { teamId: team.id, productIds: [both.id], level: "MANAGE" });
  const shared = await createTag(db, { orgId: org.id, name: "Shared", color: "teal" });
  await tagProducts(db, [
    { productId: read.id, tagId: shared.id },
    { productId: manage.id, tagId: shared.id },
  ]);
  return { db, org, team, mDario, alice: asUser(alice.id), adam: asUser(adam.id), dario: asUser(dario.id), darioUserId: dario.id, products: { read, manage, both }, shared };
}

const tokenOf = (userId: string, orgId: string) => createRawApiToken(getDb(), { userId, orgIds: [orgId], name: "sec-5" });

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
function call(handler: Handler, url: string, token: string, opts: { method?: string; body?: unknown; params?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${url}`, { method: opts.method ?? "GET", headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  return handler(request, { params: Promise.resolve({ version: "1", ...opts.params }) });
}

const READ_ONLY = { code: "FORBIDDEN", message: "errors.productReadOnly" };

describe("grant levels (SEC-5, PRD-3, ORG-2)", () => {
  test("[SEC-5] [PRD-3] a READ grant shows the product but does not let the member tag or untag it; MANAGE does", async () => {
    const { db, org, dario, products, shared } = await setup();
    // Seen: in the list (marked read-only) and on its page.
    const list = await listProducts(db, dario, { orgId: org.id });
    expect(list.items.map((p) => p.name)).toEqual(["both.ch", "manage.ch", "read.ch"]);
    expect(list.readOnlyIds).toEqual([products.read.id]);
    expect(await getProduct(db, dario, { orgId: org.id, productId: products.read.id })).toMatchObject({ name: "read.ch", canChange: false, canTag: false });
    expect(await getProduct(db, dario, { orgId: org.id, productId: products.manage.id })).toMatchObject({ canChange: true, canTag: true });

    const tag = await createTag(db, { orgId: org.id, name: "Mine" });
    await expect(attachTag(db, dario, { orgId: org.id, productIds: [products.read.id], tagId: tag.id })).rejects.toMatchObject(READ_ONLY);
    await expect(attachTag(db, dario, { orgId: org.id, productIds: [products.manage.id, products.read.id], name: "Brand new", color: "red" })).rejects.toMatchObject(READ_ONLY);
    await expect(detachTag(db, dario, { orgId: org.id, productId: products.read.id, tagId: shared.id })).rejects.toMatchObject(READ_ONLY);
    // Nothing was written: no link, no new tag, the shared tag still on read.ch.
    expect(await db.productTag.count({ where: { productId: products.read.id } })).toBe(1);
    expect(await db.tag.count({ where: { orgId: org.id, name: "Brand new" } })).toBe(0);

    expect((await attachTag(db, dario, { orgId: org.id, productIds: [products.manage.id], tagId: tag.id })).attached).toBe(1);
    expect(await detachTag(db, dario, { orgId: org.id, productId: products.manage.id, tagId: tag.id })).toEqual({ detached: true });
  });

  test("[SEC-5] [PRD-3] access is the union of grants: a READ grant of one's own and a MANAGE grant of one's team allow changes", async () => {
    const { db, org, dario, products } = await setup();
    const tag = await createTag(db, { orgId: org.id });
    expect((await attachTag(db, dario, { orgId: org.id, productIds: [products.both.id], tagId: tag.id })).attached).toBe(1);
    expect((await listProducts(db, dario, { orgId: org.id })).readOnlyIds).toEqual([products.read.id]);
    // His READ grant alone still does not.
    await expect(attachTag(db, dario, { orgId: org.id, productIds: [products.read.id], tagId: tag.id })).rejects.toMatchObject(READ_ONLY);
  });

  test("[SEC-5] [PRD-3] a team granted at READ level lets its members see, not change; granting it again at MANAGE does", async () => {
    const { db, org, alice, dario, team, products } = await setup();
    const [extra] = await createProducts(db, [{ orgId: org.id, name: "extra.ch" }]);
    await grantTeamProducts(db, alice, { orgId: org.id, teamId: team.id, productIds: [extra.id], level: "READ" });
    const tag = await createTag(db, { orgId: org.id });
    expect((await listProducts(db, dario, { orgId: org.id })).readOnlyIds).toEqual(expect.arrayContaining([extra.id, products.read.id]));
    await expect(attachTag(db, dario, { orgId: org.id, productIds: [extra.id], tagId: tag.id })).rejects.toMatchObject(READ_ONLY);
    await grantTeamProducts(db, alice, { orgId: org.id, teamId: team.id, productIds: [extra.id], level: "MANAGE" });
    expect((await attachTag(db, dario, { orgId: org.id, productIds: [extra.id], tagId: tag.id })).attached).toBe(1);
  });

  test("[SEC-5] [PRD-3] legal representatives and administrators are not limited by grants, even a READ grant of their own", async () => {
    const { db, org, alice, adam, dario, products } = await setup();
    const tag = await createTag(db, { orgId: org.id });
    // The same product is read-only for the USER holding a READ grant on it…
    await expect(attachTag(db, dario, { orgId: org.id, productIds: [products.read.id], tagId: tag.id })).rejects.toMatchObject(READ_ONLY);
    // …but not for the administrator who holds one too, nor for the legal representative.
    expect((await attachTag(db, adam, { orgId: org.id, productIds: [products.read.id], tagId: tag.id })).attached).toBe(1);
    expect(await detachTag(db, alice, { orgId: org.id, productId: products.read.id, tagId: tag.id })).toEqual({ detached: true });
    expect(await getProduct(db, adam, { orgId: org.id, productId: products.read.id })).toMatchObject({ canChange: true, canTag: true });
    expect((await listProducts(db, adam, { orgId: org.id })).readOnlyIds).toEqual([]);
  });

  test("[SEC-5] [SEC-4] a tag carried by a product the member may only read is not theirs to rename, recolour or delete", async () => {
    const { db, org, alice, dario, shared } = await setup();
    const refused = { code: "FORBIDDEN", message: "errors.tagOnReadOnlyProducts" };
    await expect(updateTag(db, dario, { orgId: org.id, tagId: shared.id, name: "Renamed", color: "teal" })).rejects.toMatchObject(refused);
    await expect(deleteTag(db, dario, { orgId: org.id, tagId: shared.id })).rejects.toMatchObject(refused);
    expect(await db.productTag.count({ where: { tagId: shared.id } })).toBe(2);
    expect((await listTagsPage(db, dario, { orgId: org.id })).items).toEqual([expect.objectContaining({ id: shared.id, productCount: 2, canChange: false })]);
    await expect(updateTag(db, alice, { orgId: org.id, tagId: shared.id, name: "Renamed", color: "teal" })).resolves.toMatchObject({ name: "Renamed" });
  });

  test("[SEC-5] [PRD-3] the one check the product services share: visible else NOT_FOUND, changeable else FORBIDDEN", async () => {
    const { db, org, dario, products } = await setup();
    const [hidden] = await createProducts(db, [{ orgId: org.id }]);
    const access = await requireAccess(db, dario, org.id, "products.manage");
    await expect(requireProductsToChange(db, access, [products.manage.id, products.both.id])).resolves.toBeUndefined();
    await expect(requireProductsToChange(db, access, [products.manage.id, products.read.id])).rejects.toMatchObject(READ_ONLY);
    await expect(requireProductsToChange(db, access, [products.read.id, hidden.id])).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[SEC-5] [PRD-3] REST: tagging or untagging a product held at READ level answers 403 with the error envelope; the product says so", async () => {
    const { db, org, darioUserId, products, shared } = await setup();
    const token = await tokenOf(darioUserId, org.id);
    const id = products.read.id;
    const tag = await createTag(db, { orgId: org.id, name: "Other" });
    const answers = [
      await call(productTags.POST, `/api/1/products/${id}/tags`, token, { method: "POST", body: { tag_id: tag.id }, params: { id } }),
      await call(productTags.POST, `/api/1/products/${id}/tags`, token, { method: "POST", body: { name: "new-one" }, params: { id } }),
      await call(productTag.PUT, `/api/1/products/${id}/tags/${tag.id}`, token, { method: "PUT", params: { id, tagId: tag.id } }),
      await call(productTag.DELETE, `/api/1/products/${id}/tags/${shared.id}`, token, { method: "DELETE", params: { id, tagId: shared.id } }),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        result: "error",
        error: { code: "forbidden", description: "You can see this product but not change it: your access to it is read-only.", errors: [] },
      });
    }
    expect(await db.productTag.count({ where: { productId: id } })).toBe(1);
    const renamed = await call(tagById.PATCH, `/api/1/tags/${shared.id}`, token, { method: "PATCH", body: { color: "red" }, params: { id: shared.id } });
    expect(renamed.status).toBe(403);
    expect((await renamed.json()).error.code).toBe("forbidden");

    const seen = await (await call(product.GET, `/api/1/products/${id}`, token, { params: { id } })).json();
    expect(seen.data).toMatchObject({ name: "read.ch", can_change: false, can_tag: false });
    const managed = products.manage.id;
    expect((await call(productTag.PUT, `/api/1/products/${managed}/tags/${tag.id}`, token, { method: "PUT", params: { id: managed, tagId: tag.id } })).status).toBe(204);
  });
});
