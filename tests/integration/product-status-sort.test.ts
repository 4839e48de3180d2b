import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { listProducts } from "@/lib/products/list-products";
import { createOrganization, createProductCategories, createUser } from "../factories";
import { asUser } from "./support/api";

describe("Products sorted by status at scale", () => {
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

    const started = performance.now();
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
    // Generous bound for a shared machine; a full sort of 100,000 rows per page would not stay under it.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
