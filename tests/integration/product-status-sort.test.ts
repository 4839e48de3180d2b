import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { listProducts } from "@/lib/products/list-products";
import { createOrganization, createProductCategories, createUser } from "../factories";
import { asUser } from "./support/api";

describe("Products sorted and filtered at scale", () => {
  test("[PRD-3] with 100,000 products the status sort reads the (orgId, status, id) index instead of sorting the table", async () => {
    const db = getDb();
    const owner = await createUser(db);
    const org = await createOrganization(db, { legalRepresentativeId: owner.id });
    const categories = await createProductCategories(db);
    await db.$executeRaw`
      INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", status, "expiresAt", "priceMinor", currency)
      SELECT 'p' || lpad(i::text, 7, '0'), ${org.id}, ${categories.domain.id}, 'site' || i || '.ch', 'Holder',
             (ARRAY['ACTIVE', 'BLOCKED', 'TERMINATED'])[1 + i % 3]::"ProductStatus", now() + (i || ' minutes')::interval, 1500, 'CHF'
      FROM generate_series(1, 100000) AS i`;
    await db.$executeRaw`ANALYZE "Product"`;

    // The query the list runs for a first page and for a later page (keyset on status, id).
    const plan = async (sql: string) =>
      (await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`, org.id)).map((r) => r["QUERY PLAN"]).join("\n");
    const first = await plan(`SELECT id FROM "Product" WHERE "orgId" = $1 ORDER BY status DESC, id DESC LIMIT 26`);
    expect(first).toContain("Product_orgId_status_id_idx");
    expect(first).not.toMatch(/\bSort\b/);
    const later = await plan(
      `SELECT id FROM "Product" WHERE "orgId" = $1 AND (status IN ('ACTIVE') OR (status = 'BLOCKED' AND id > 'p0050000')) ORDER BY status ASC, id ASC LIMIT 26`,
    );
    expect(later).toContain("Product_orgId_status_id_idx");

    const page = await listProducts(db, asUser(owner.id), { orgId: org.id, sort: "status", dir: "desc", perPage: 25 });
    const next = await listProducts(db, asUser(owner.id), {
      orgId: org.id,
      sort: "status",
      dir: "desc",
      perPage: 25,
      after: page.nextCursor ?? undefined,
    });
    expect(page.items.every((p) => p.status === "TERMINATED")).toBe(true);
    expect(next.items[0].id < page.items.at(-1)!.id).toBe(true);
  });

  test("[TAG-4] with 100,000 products a tag filter reads the tag's (name, id) index page by page instead of walking every product", async () => {
    const db = getDb();
    const owner = await createUser(db);
    const org = await createOrganization(db, { legalRepresentativeId: owner.id });
    const categories = await createProductCategories(db);
    const tag = await db.tag.create({ data: { orgId: org.id, name: "Client X", normalizedName: "client x", color: "teal" } });
    await db.$executeRaw`
      INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency)
      SELECT 't' || lpad(i::text, 7, '0'), ${org.id}, ${categories.domain.id}, md5(i::text) || '.ch', 'Holder', now() + (i || ' minutes')::interval, 1500, 'CHF'
      FROM generate_series(1, 100000) AS i`;
    // 1 product in 80 carries the tag: the rare case where walking the products by name is slowest.
    await db.$executeRaw`
      INSERT INTO "ProductTag" ("productId", "tagId") SELECT 't' || lpad(i::text, 7, '0'), ${tag.id} FROM generate_series(80, 100000, 80) AS i`;
    await db.$executeRaw`ANALYZE "Product"`;
    await db.$executeRaw`ANALYZE "ProductTag"`;

    const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
    const pageQueries: { query: string; params: string }[] = [];
    logging.$on("query", (e) => {
      if (e.query.includes('FROM "public"."ProductTag" AS "t0"')) pageQueries.push({ query: e.query, params: e.params });
    });
    try {
      const page = await listProducts(logging, asUser(owner.id), { orgId: org.id, tagId: tag.id, perPage: 25 });
      const next = await listProducts(logging, asUser(owner.id), { orgId: org.id, tagId: tag.id, perPage: 25, after: page.nextCursor ?? undefined });
      expect(page.items).toHaveLength(25);
      expect(next.items[0].name > page.items.at(-1)!.name).toBe(true);
      expect(pageQueries).toHaveLength(2);
      for (const { query, params } of pageQueries) {
        const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${query}`, ...(JSON.parse(params) as unknown[]));
        const plan = rows.map((r) => r["QUERY PLAN"]).join("\n");
        expect(plan).toContain("ProductTag_tagId_productName_productId_idx");
        expect(plan).not.toContain("Product_orgId_name_id_idx");
        expect(plan).not.toMatch(/Seq Scan on "(Product|ProductTag)" (t0|j1)\b/);
      }
    } finally {
      await logging.$disconnect();
    }
  });
});
