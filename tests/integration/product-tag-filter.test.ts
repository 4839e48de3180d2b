import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { listProducts, type ListProductsInput } from "@/lib/products/list-products";
import { addMembers, createOrganization, createProducts, createTag, createUsers, grantProductAccess, tagProducts } from "../factories";
import { asUser } from "./support/api";

/** Every id of a list, page by page, following `nextCursor`. */
async function walk(userId: string, input: ListProductsInput): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listProducts(getDb(), asUser(userId), { ...input, after });
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) return ids;
    after = page.nextCursor;
  }
  throw new Error("no last page");
}

describe("products filtered by a tag (TAG-4)", () => {
  test("[TAG-4] a tag link carries its product's sort keys, written by the database whatever the application sends", async () => {
    const db = getDb();
    const [owner] = await createUsers(db, [{}]);
    const org = await createOrganization(db, { legalRepresentativeId: owner.id });
    const [product] = await createProducts(db, [{ orgId: org.id, name: "before.ch", status: "ACTIVE", expiresAt: new Date("2027-03-01T00:00:00Z") }]);
    const tag = await createTag(db, { orgId: org.id });
    // The application does not send the copies; a forged value is overwritten too.
    await db.productTag.create({ data: { productId: product.id, tagId: tag.id, productName: "forged" } });
    const keys = () =>
      db.productTag.findUniqueOrThrow({
        where: { productId_tagId: { productId: product.id, tagId: tag.id } },
        select: { productName: true, productExpiresAt: true, productStatus: true },
      });
    expect(await keys()).toEqual({ productName: "before.ch", productExpiresAt: new Date("2027-03-01T00:00:00Z"), productStatus: "ACTIVE" });

    await db.product.update({ where: { id: product.id }, data: { name: "after.ch", status: "BLOCKED", expiresAt: new Date("2028-01-01T00:00:00Z") } });
    expect(await keys()).toEqual({ productName: "after.ch", productExpiresAt: new Date("2028-01-01T00:00:00Z"), productStatus: "BLOCKED" });

    await db.productTag.update({ where: { productId_tagId: { productId: product.id, tagId: tag.id } }, data: { productName: "zzz" } });
    expect((await keys()).productName).toBe("after.ch");
  });

  test("[TAG-4] filtered by a tag, every sort pages through exactly the tagged products in the unfiltered list's order", async () => {
    const db = getDb();
    const [owner] = await createUsers(db, [{}]);
    const org = await createOrganization(db, { legalRepresentativeId: owner.id });
    const statuses = ["ACTIVE", "BLOCKED", "TERMINATED"] as const;
    const products = await createProducts(
      db,
      Array.from({ length: 40 }, (_, i) => ({
        orgId: org.id,
        // Repeated names, dates and statuses: the id breaks ties, in the tag's index as in the product's.
        name: `site-${String(i % 9).padStart(2, "0")}.ch`,
        expiresAt: new Date(Date.UTC(2027, 0, 1 + (i % 5))),
        status: statuses[i % 3],
      })),
    );
    const [tag, other] = await Promise.all([createTag(db, { orgId: org.id }), createTag(db, { orgId: org.id })]);
    const tagged = products.filter((_, i) => i % 3 !== 1);
    await tagProducts(db, [...tagged.map((p) => ({ productId: p.id, tagId: tag.id })), ...products.slice(0, 5).map((p) => ({ productId: p.id, tagId: other.id }))]);
    // A rename after tagging must move the product in the tag's order as well.
    await db.product.update({ where: { id: tagged[0].id }, data: { name: "zz-renamed.ch" } });
    const taggedIds = new Set(tagged.map((p) => p.id));

    for (const sort of ["name", "expiry", "status"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const everything = await walk(owner.id, { orgId: org.id, sort, dir, perPage: 100 });
        const expected = everything.filter((id) => taggedIds.has(id));
        const filtered = await walk(owner.id, { orgId: org.id, tagId: tag.id, sort, dir, perPage: 6 });
        expect(filtered).toEqual(expected);
      }
    }
    const first = await listProducts(db, asUser(owner.id), { orgId: org.id, tagId: tag.id, sort: "name", dir: "desc", perPage: 3 });
    expect(first.items[0].name).toBe("zz-renamed.ch");
    // Each row still carries all its tags, not only the one filtered on.
    expect(first.items[0].tags.map((t) => t.id).sort()).toEqual([tag.id, other.id].sort());
  });

  test("[PRD-3] filtered by a tag, a user still sees only the products granted to them", async () => {
    const db = getDb();
    const [owner, user] = await createUsers(db, [{}, {}]);
    const org = await createOrganization(db, { legalRepresentativeId: owner.id });
    const [membership] = await addMembers(db, org.id, [{ userId: user.id, role: "USER" }]);
    const [granted, hidden] = await createProducts(db, [{ orgId: org.id, name: "granted.ch" }, { orgId: org.id, name: "hidden.ch" }]);
    const tag = await createTag(db, { orgId: org.id });
    await tagProducts(db, [granted, hidden].map((p) => ({ productId: p.id, tagId: tag.id })));
    await grantProductAccess(db, { membershipId: membership.id, productIds: [granted.id] });

    const asOwner = await listProducts(db, asUser(owner.id), { orgId: org.id, tagId: tag.id });
    const asMember = await listProducts(db, asUser(user.id), { orgId: org.id, tagId: tag.id });
    expect(asOwner.items.map((p) => p.name)).toEqual(["granted.ch", "hidden.ch"]);
    expect(asMember.items.map((p) => p.name)).toEqual(["granted.ch"]);
  });
});
