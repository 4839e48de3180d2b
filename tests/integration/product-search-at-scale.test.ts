import { PrismaPg } from "@prisma/adapter-pg";
import { expect, test } from "vitest";
import { CONNECTION_OPTIONS, getDb } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { listProducts } from "@/lib/products/list-products";
import { createOrganization, createProductCategories } from "../factories";
import { asUser } from "./support/api";

test("[TAG-4] [PRD-1] at 100,000 products, a search for a rare or absent word goes through the trigram index, never through every name", async () => {
  const db = getDb();
  const org = await createOrganization(db);
  const categories = await createProductCategories(db);
  await db.$executeRaw`
    INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency)
    SELECT 's' || lpad(i::text, 7, '0'), ${org.id}, ${categories.domain.id},
           CASE WHEN i % 25000 = 0 THEN 'Kiwi-Orchard-' || i || '.ch' ELSE md5(i::text) || '.ch' END, 'Holder', now(), 1500, 'CHF'
    FROM generate_series(1, 100000) AS i`;
  await db.$executeRaw`ANALYZE "Product"`;

  // The statements the products page runs, captured from a client with the Manager's connection settings.
  const logging = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, options: CONNECTION_OPTIONS }),
    log: [{ emit: "event", level: "query" }],
  });
  const statements: { query: string; params: string }[] = [];
  logging.$on("query", (e) => {
    if (e.query.includes('"public"."Product"')) statements.push({ query: e.query, params: e.params });
  });
  try {
    const actor = asUser(org.legalRepresentativeId);
    const found = await listProducts(logging, actor, { orgId: org.id, q: "kiwi-orch" });
    expect(found.items.map((p) => p.name)).toEqual([25000, 50000, 75000, 100000].map((i) => `Kiwi-Orchard-${i}.ch`).sort());
    expect((await listProducts(logging, actor, { orgId: org.id, q: "no such name" })).items).toEqual([]);
    expect(statements.length).toBeGreaterThan(0);
    for (const { query, params } of statements) {
      const plan = (await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${query}`, ...(JSON.parse(params) as unknown[]))).map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).toMatch(/Product_name_trgm_idx/);
    }
  } finally {
    await logging.$disconnect();
  }
});
