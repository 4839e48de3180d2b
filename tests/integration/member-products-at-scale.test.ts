import { PrismaPg } from "@prisma/adapter-pg";
import { expect, test } from "vitest";
import { CONNECTION_OPTIONS, getDb } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { listProductOptions } from "@/lib/products/list-product-options";
import { addMember, createOrganization, createProductCategories, createUser } from "../factories";
import { asUser } from "./support/api";

test("[ORG-5] [PRD-3] at 100,000 products, a member's 1,000 granted products are counted and paged through the index, never by reading the table", async () => {
  const db = getDb();
  const org = await createOrganization(db);
  const categories = await createProductCategories(db);
  await db.$executeRaw`
    INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency)
    SELECT 'm' || lpad(i::text, 7, '0'), ${org.id}, ${categories.domain.id}, md5(i::text) || '.ch', 'Holder', now(), 1500, 'CHF'
    FROM generate_series(1, 100000) AS i`;
  const member = await addMember(db, org.id, (await createUser(db)).id, "USER");
  await db.$executeRaw`
    INSERT INTO "ProductAccess" (id, "productId", "membershipId")
    SELECT 'ma' || i, 'm' || lpad(i::text, 7, '0'), ${member.id} FROM generate_series(1, 100000, 100) AS i`;
  await db.$executeRaw`ANALYZE "Product"`;
  await db.$executeRaw`ANALYZE "ProductAccess"`;

  // The statements the member's page runs, captured from a client with the Manager's connection settings.
  const logging = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, options: CONNECTION_OPTIONS }),
    log: [{ emit: "event", level: "query" }],
  });
  const statements: { query: string; params: string }[] = [];
  logging.$on("query", (e) => {
    if (e.query.includes('FROM "public"."Product"')) statements.push({ query: e.query, params: e.params });
  });
  try {
    const page = await listProductOptions(logging, asUser(org.legalRepresentativeId), { orgId: org.id, member: member.id, held: "direct" });
    expect(page.total).toBe(1000);
    expect(page.items).toHaveLength(25);
    expect(statements).toHaveLength(2);
    // Explained through the Manager's own client, which opens its connections with the same settings.
    for (const { query, params } of [...statements]) {
      const plan = (await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${query}`, ...(JSON.parse(params) as unknown[]))).map((r) => r["QUERY PLAN"]).join("\n");
      expect(plan).not.toMatch(/Seq Scan on "Product"/);
    }
  } finally {
    await logging.$disconnect();
  }
});
