import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { getDb } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { listProducts } from "@/lib/products/list-products";
import { attachTag } from "@/lib/tags/attach-tag";
import { createTag } from "@/lib/tags/create-tag";
import { deleteTag } from "@/lib/tags/delete-tag";
import { detachTag } from "@/lib/tags/detach-tag";
import { listTagOptions, listTags, listTagsPage, TAG_OPTIONS_LIMIT, TAGS_PER_PAGE } from "@/lib/tags/list-tags";
import { TAG_COLORS } from "@/lib/tags/palette";
import { updateTag } from "@/lib/tags/update-tag";
import { addMembers, createOrganization, createProducts, createTag as createTagRow, createTags as createTagRows, createUsers, grantProductAccess, tagProducts } from "../factories";

const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null });

/** Alice (legal representative) with three products; Dario (user) has access to the first only; Eva (external). */
async function org() {
  const db = getDb();
  const [alice, dario, eva] = await createUsers(db, [{ firstName: "Alice" }, { firstName: "Dario" }, { firstName: "Eva" }]);
  const o = await createOrganization(db, { legalRepresentativeId: alice.id });
  const [mDario, mEva] = await addMembers(db, o.id, [
    { userId: dario.id, role: "USER" },
    { userId: eva.id, role: "EXTERNAL" },
  ]);
  const products = await createProducts(db, [
    { orgId: o.id, name: "a-one.ch" },
    { orgId: o.id, name: "b-two.ch" },
    { orgId: o.id, name: "c-three.ch" },
  ]);
  await grantProductAccess(db, { membershipId: mDario.id, productIds: [products[0].id] });
  await grantProductAccess(db, { membershipId: mEva.id, productIds: [products[0].id] });
  return { org: o, alice: asUser(alice.id), dario: asUser(dario.id), eva: asUser(eva.id), products };
}

const auditActions = (orgId: string) => getDb().auditLog.findMany({ where: { orgId }, orderBy: { id: "asc" }, select: { action: true } }).then((r) => r.map((a) => a.action));

describe("tags (TAG-1 … TAG-4)", () => {
  test("[TAG-3] creates a tag attached to nothing, with a colour from the fixed palette", async () => {
    const { org: o, alice } = await org();
    const tag = await createTag(getDb(), alice, { orgId: o.id, name: "  Client   Dupont ", color: "teal" });
    expect(tag).toMatchObject({ name: "Client Dupont", normalizedName: "client dupont", color: "teal" });
    expect(await listTags(getDb(), alice, { orgId: o.id })).toEqual([{ id: tag.id, name: "Client Dupont", color: "teal", productCount: 0 }]);
    await expect(createTag(getDb(), alice, { orgId: o.id, name: "x", color: "chartreuse" as never })).rejects.toThrow();
    expect(TAG_COLORS).toContain("teal");
    expect(await auditActions(o.id)).toContain("tag.created");
  });

  test("[TAG-3] tag names are unique per Organization whatever the case: CONFLICT on the name field", async () => {
    const { org: o, alice } = await org();
    const other = await org();
    await createTag(getDb(), alice, { orgId: o.id, name: "Urgent", color: "red" });
    await expect(createTag(getDb(), alice, { orgId: o.id, name: "uRGENT", color: "blue" })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { name: ["errors.alreadyExists"] },
    });
    // Another Organization may use the same name.
    await expect(createTag(getDb(), other.alice, { orgId: other.org.id, name: "URGENT", color: "blue" })).resolves.toMatchObject({ name: "URGENT" });
    const second = await createTag(getDb(), alice, { orgId: o.id, name: "Later", color: "blue" });
    await expect(updateTag(getDb(), alice, { orgId: o.id, tagId: second.id, name: "urgent", color: "blue" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("[TAG-2] attaches an existing tag and detaches it; attaching twice is harmless", async () => {
    const { org: o, alice, products } = await org();
    const tag = await createTag(getDb(), alice, { orgId: o.id, name: "Prod", color: "green" });
    const first = await attachTag(getDb(), alice, { orgId: o.id, productIds: [products[0].id, products[1].id], tagId: tag.id });
    expect(first).toMatchObject({ created: false, attached: 2 });
    expect((await attachTag(getDb(), alice, { orgId: o.id, productIds: [products[0].id], tagId: tag.id })).attached).toBe(0);
    expect((await listTags(getDb(), alice, { orgId: o.id }))[0].productCount).toBe(2);
    expect(await detachTag(getDb(), alice, { orgId: o.id, productId: products[0].id, tagId: tag.id })).toEqual({ detached: true });
    expect((await listTags(getDb(), alice, { orgId: o.id }))[0].productCount).toBe(1);
    expect(await auditActions(o.id)).toEqual(expect.arrayContaining(["tag.attached", "tag.detached"]));
  });

  test("[TAG-2] attaching a new name creates the coloured tag in the same call; an existing name (any case) is reused", async () => {
    const { org: o, alice, products } = await org();
    const made = await attachTag(getDb(), alice, { orgId: o.id, productIds: [products[0].id], name: "Client Rossi", color: "violet" });
    expect(made).toMatchObject({ created: true, attached: 1, tag: { name: "Client Rossi", color: "violet" } });
    const reused = await attachTag(getDb(), alice, { orgId: o.id, productIds: [products[1].id], name: "client rossi", color: "red" });
    expect(reused).toMatchObject({ created: false, attached: 1, tag: { id: made.tag.id, color: "violet" } });
    expect(await listTags(getDb(), alice, { orgId: o.id })).toHaveLength(1);
  });

  test("[TAG-1] a tag is visible to everyone with access to the product; a USER can tag what they see", async () => {
    const { org: o, alice, dario, eva, products } = await org();
    await attachTag(getDb(), dario, { orgId: o.id, productIds: [products[0].id], name: "Dario's", color: "amber" });
    const seen = await listProducts(getDb(), eva, { orgId: o.id });
    expect(seen.items.map((i) => i.tags.map((t) => t.name))).toEqual([["Dario's"]]);
    expect((await listProducts(getDb(), alice, { orgId: o.id })).items[0].tags[0].name).toBe("Dario's");
  });

  test("[TAG-2] a USER without access to a product cannot tag it; an EXTERNAL member may not tag at all", async () => {
    const { org: o, alice, dario, eva, products } = await org();
    const tag = await createTag(getDb(), alice, { orgId: o.id, name: "Secret", color: "slate" });
    await expect(attachTag(getDb(), dario, { orgId: o.id, productIds: [products[1].id], tagId: tag.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attachTag(getDb(), dario, { orgId: o.id, productIds: [products[0].id, products[1].id], tagId: tag.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await tagProducts(getDb(), [{ productId: products[1].id, tagId: tag.id }]);
    await expect(detachTag(getDb(), dario, { orgId: o.id, productId: products[1].id, tagId: tag.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attachTag(getDb(), eva, { orgId: o.id, productIds: [products[0].id], tagId: tag.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createTag(getDb(), eva, { orgId: o.id, name: "Nope", color: "red" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getDb().productTag.count({ where: { tagId: tag.id } })).toBe(1);
  });

  test("[TAG-3] renames and recolours a tag; the products list shows the new name", async () => {
    const { org: o, alice, products } = await org();
    const { tag } = await attachTag(getDb(), alice, { orgId: o.id, productIds: [products[2].id], name: "Old", color: "red" });
    const renamed = await updateTag(getDb(), alice, { orgId: o.id, tagId: tag.id, name: "New name", color: "indigo" });
    expect(renamed).toMatchObject({ name: "New name", normalizedName: "new name", color: "indigo" });
    // Only the case changes: allowed.
    await updateTag(getDb(), alice, { orgId: o.id, tagId: tag.id, name: "NEW name", color: "indigo" });
    const list = await listProducts(getDb(), alice, { orgId: o.id, tagId: tag.id });
    expect(list.items.map((i) => [i.name, i.tags])).toEqual([["c-three.ch", [{ id: tag.id, name: "NEW name", color: "indigo" }]]]);
    expect(await auditActions(o.id)).toContain("tag.updated");
  });

  test("[TAG-3] deleting a tag answers how many products lost it", async () => {
    const { org: o, alice, products } = await org();
    const { tag } = await attachTag(getDb(), alice, { orgId: o.id, productIds: products.map((p) => p.id), name: "Gone", color: "pink" });
    expect(await deleteTag(getDb(), alice, { orgId: o.id, tagId: tag.id })).toEqual({ removedFrom: 3 });
    expect(await listTags(getDb(), alice, { orgId: o.id })).toEqual([]);
    expect(await getDb().productTag.count({ where: { tagId: tag.id } })).toBe(0);
    expect(await auditActions(o.id)).toContain("tag.deleted");
  });

  test("[TAG-4] products can be filtered by tag", async () => {
    const { org: o, alice, products } = await org();
    const { tag } = await attachTag(getDb(), alice, { orgId: o.id, productIds: [products[0].id, products[2].id], name: "Filter me", color: "blue" });
    expect((await listProducts(getDb(), alice, { orgId: o.id, tagId: tag.id })).items.map((i) => i.name)).toEqual(["a-one.ch", "c-three.ch"]);
  });

  test("[TAG-3] another Organization's tag or product ids answer NOT_FOUND", async () => {
    const mine = await org();
    const theirs = await org();
    const foreignTag = await createTagRow(getDb(), { orgId: theirs.org.id, name: "Theirs" });
    const ownTag = await createTag(getDb(), mine.alice, { orgId: mine.org.id, name: "Mine", color: "blue" });
    const a = mine.alice;
    const o = mine.org.id;
    await expect(updateTag(getDb(), a, { orgId: o, tagId: foreignTag.id, name: "Stolen", color: "red" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteTag(getDb(), a, { orgId: o, tagId: foreignTag.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attachTag(getDb(), a, { orgId: o, productIds: [mine.products[0].id], tagId: foreignTag.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attachTag(getDb(), a, { orgId: o, productIds: [theirs.products[0].id], tagId: ownTag.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(detachTag(getDb(), a, { orgId: o, productId: theirs.products[0].id, tagId: ownTag.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listTags(getDb(), a, { orgId: theirs.org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listTagOptions(getDb(), a, { orgId: theirs.org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listTagOptions(getDb(), a, { orgId: o })).toEqual({ tags: [{ id: ownTag.id, name: "Mine", color: "blue" }], complete: true, selected: null });
    await expect(deleteTag(getDb(), a, { orgId: theirs.org.id, tagId: foreignTag.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().tag.findUnique({ where: { id: foreignTag.id } })).toMatchObject({ name: "Theirs" });
  });

  test("[TAG-3] the management page lists tags a page at a time, searchable by any case, with the total", async () => {
    const { org: o, alice, dario } = await org();
    const db = getDb();
    await db.tag.createMany({
      data: Array.from({ length: 150 }, (_, i) => {
        const name = `${i % 3 === 0 ? "Client" : "Project"} ${String(i).padStart(3, "0")}`;
        return { orgId: o.id, name, normalizedName: name.toLowerCase(), color: "blue" };
      }),
    });
    const first = await listTagsPage(db, alice, { orgId: o.id });
    expect(first).toMatchObject({ total: 150, page: 1, pageCount: 2 });
    expect(first.items).toHaveLength(TAGS_PER_PAGE);
    expect(first.items[0].name).toBe("Client 000");
    const second = await listTagsPage(db, alice, { orgId: o.id, page: "2" });
    expect(second.items).toHaveLength(50);
    expect(new Set([...first.items, ...second.items].map((t) => t.id)).size).toBe(150);
    const clients = await listTagsPage(db, alice, { orgId: o.id, q: "CLIENT" });
    expect(clients.total).toBe(50);
    expect(clients.items.every((t) => t.name.startsWith("Client"))).toBe(true);
    // A nonsense page number is the first page, not an error; a plain user may read the tags too.
    expect((await listTagsPage(db, dario, { orgId: o.id, page: "abc" })).page).toBe(1);
  });

  test("[TAG-2] tag options come 50 at a time by name; `complete` says whether more tags match", async () => {
    const { org: o, alice, eva } = await org();
    const db = getDb();
    await createTagRows(db, Array.from({ length: 60 }, (_, i) => ({ orgId: o.id, name: `Tag ${String(i).padStart(2, "0")}` })));
    const first = await listTagOptions(db, alice, { orgId: o.id });
    expect(TAG_OPTIONS_LIMIT).toBe(50);
    expect(first).toMatchObject({ complete: false, selected: null });
    expect(first.tags).toHaveLength(50);
    expect(first.tags[0]).toEqual({ id: expect.any(String), name: "Tag 00", color: "blue" });
    expect(first.tags.at(-1)?.name).toBe("Tag 49");
    // Fewer matches than the limit: complete, so the picker filters them locally (an EXTERNAL member may read tags).
    expect(await listTagOptions(db, eva, { orgId: o.id, q: "tag 0" })).toMatchObject({ complete: true, tags: expect.any(Array) });
    // Exactly the limit is complete too: nothing lies beyond it.
    await db.tag.deleteMany({ where: { orgId: o.id, name: { gte: "Tag 50" } } });
    const exactly = await listTagOptions(db, alice, { orgId: o.id });
    expect(exactly.tags).toHaveLength(50);
    expect(exactly.complete).toBe(true);
  });

  test("[TAG-2] `q` narrows the options by any case and takes % _ \\ literally", async () => {
    const { org: o, alice } = await org();
    const db = getDb();
    await createTagRows(db, ["Client Rossi", "client dupont", "Project", "50% off", "500 off", "a_b", "axb", "back\\slash"].map((name) => ({ orgId: o.id, name })));
    const names = async (q: string) => (await listTagOptions(db, alice, { orgId: o.id, q })).tags.map((t) => t.name);
    expect(await names("  CLIENT ")).toEqual(["client dupont", "Client Rossi"]);
    expect(await names("%")).toEqual(["50% off"]);
    expect(await names("0% ")).toEqual(["50% off"]);
    expect(await names("_")).toEqual(["a_b"]);
    expect(await names("\\")).toEqual(["back\\slash"]);
    expect(await names("nothing")).toEqual([]);
    expect((await listTagOptions(db, alice, { orgId: o.id, q: "" })).tags).toHaveLength(8);
    // Longer than a tag name can be: invalid input, not a query.
    await expect(listTagOptions(db, alice, { orgId: o.id, q: "x".repeat(41) })).rejects.toThrow();
  });

  test("[TAG-4] the selected tag comes with the options, beyond the first 50 too; another Organization's id selects nothing", async () => {
    const { org: o, alice } = await org();
    const theirs = await org();
    const db = getDb();
    const tags = await createTagRows(db, Array.from({ length: 60 }, (_, i) => ({ orgId: o.id, name: `Tag ${String(i).padStart(2, "0")}`, color: "teal" as const })));
    const last = tags.find((t) => t.name === "Tag 59")!;
    const foreign = await createTagRow(db, { orgId: theirs.org.id, name: "Tag 99" });
    const withLast = await listTagOptions(db, alice, { orgId: o.id, selectedId: last.id });
    expect(withLast.selected).toEqual({ id: last.id, name: "Tag 59", color: "teal" });
    expect(withLast.tags.map((t) => t.id)).not.toContain(last.id);
    expect((await listTagOptions(db, alice, { orgId: o.id, selectedId: foreign.id })).selected).toBeNull();
    expect((await listTagOptions(db, alice, { orgId: o.id, selectedId: "no-such-tag" })).selected).toBeNull();
    // A malformed id from the URL selects nothing; it does not fail the page.
    expect((await listTagOptions(db, alice, { orgId: o.id, selectedId: "x".repeat(200) })).selected).toBeNull();

    // The number of statements depends on the input's shape only, never on the data.
    const counting = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
    let queries = 0;
    counting.$on("query", () => void queries++);
    const measure = async (input: { orgId: string; q?: string; selectedId?: string }) => {
      queries = 0;
      await listTagOptions(counting, alice, input);
      return queries;
    };
    try {
      const counts = [
        await measure({ orgId: o.id, selectedId: last.id }),
        await measure({ orgId: o.id, selectedId: foreign.id }),
        await measure({ orgId: o.id, q: "nothing", selectedId: tags[0].id }),
        await measure({ orgId: o.id, q: "59", selectedId: "no-such-tag" }),
      ];
      expect(new Set(counts).size).toBe(1);
      expect(counts[0]).toBeLessThanOrEqual(3);
      expect(await measure({ orgId: o.id })).toBeLessThanOrEqual(counts[0]);
    } finally {
      await counting.$disconnect();
    }
  });

  test("[TAG-2] tag options of another Organization answer NOT_FOUND, whatever the query or selected id", async () => {
    const mine = await org();
    const theirs = await org();
    const db = getDb();
    const foreign = await createTagRow(db, { orgId: theirs.org.id, name: "Theirs" });
    await expect(listTagOptions(db, mine.alice, { orgId: theirs.org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listTagOptions(db, mine.alice, { orgId: theirs.org.id, q: "the", selectedId: foreign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listTagOptions(db, mine.eva, { orgId: theirs.org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
