import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CLIENTS_PAGE_SIZE, listPartnerClients, PRODUCT_COUNT_CAP, productCountLabel } from "@/lib/partners/list-clients";
import { createOrganization, createPartner, createPartnership, createProducts } from "../factories";

/** A partner whose legal representative manages `n` clients (named "<prefix> 001" …), half full access, half limited to 3 of 4 products. */
async function partnerWith(n: number, prefix: string) {
  const db = getDb();
  const partnerOrg = await createOrganization(db);
  const partner = await createPartner(db, { orgId: partnerOrg.id });
  for (let i = 1; i <= n; i++) {
    const client = await createOrganization(db, { name: `${prefix} ${String(i).padStart(3, "0")}` });
    const products = await createProducts(db, [1, 2, 3, 4].map(() => ({ orgId: client.id })));
    if (i % 2 === 0) await createPartnership(db, { partnerId: partner.id, clientOrgId: client.id, access: "FULL" });
    else await createPartnership(db, { partnerId: partner.id, clientOrgId: client.id, access: "LIMITED", productIds: products.slice(0, 3).map((p) => p.id) });
  }
  return { partner, lead: { kind: "user" as const, userId: partnerOrg.legalRepresentativeId, sessionId: "s", staffRole: null } };
}

/** A client of its own whose statements are counted (PostgreSQL's own log of each statement sent). */
function countingDb() {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
  const seen = { count: 0 };
  db.$on("query", () => {
    seen.count++;
  });
  return { db, seen };
}

describe("the reseller area's clients, paged (PRT-4)", () => {
  test("[PRT-4] 30 clients: 25 on the first page, the other 5 on the next, in name order, none of another partner's; back again from page 2", async () => {
    const mine = await partnerWith(30, "Paged client");
    const other = await partnerWith(2, "Someone else's client");
    const [first] = await listPartnerClients(getDb(), mine.lead);
    expect(first.partner.id).toBe(mine.partner.id);
    expect(first.clients).toHaveLength(CLIENTS_PAGE_SIZE);
    expect(first.clients.map((c) => c.clientName)).toEqual(Array.from({ length: 25 }, (_, i) => `Paged client ${String(i + 1).padStart(3, "0")}`));
    expect(first.previousCursor).toBeNull();
    expect(first.nextCursor).not.toBeNull();
    // What each row shows: full access counts the client's products, limited access the granted ones, named.
    expect(first.clients[0]).toMatchObject({ access: "LIMITED", productCount: 3, productCountCapped: false });
    expect(first.clients[0].products).toHaveLength(3);
    expect(first.clients[1]).toMatchObject({ access: "FULL", productCount: 4, products: null });

    const [second] = await listPartnerClients(getDb(), mine.lead, { partnerId: mine.partner.id, after: first.nextCursor! });
    expect(second.clients.map((c) => c.clientName)).toEqual(["026", "027", "028", "029", "030"].map((n) => `Paged client ${n}`));
    expect(second.nextCursor).toBeNull();
    expect(second.previousCursor).not.toBeNull();
    const all = [...first.clients, ...second.clients];
    expect(new Set(all.map((c) => c.id)).size).toBe(30);
    expect(all.some((c) => c.clientName.startsWith("Someone else"))).toBe(false);

    const [back] = await listPartnerClients(getDb(), mine.lead, { partnerId: mine.partner.id, before: second.previousCursor! });
    expect(back.clients.map((c) => c.clientName)).toEqual(first.clients.map((c) => c.clientName));
    expect(back.clients.map((c) => c.id)).toEqual(first.clients.map((c) => c.id));
    expect(back.previousCursor).toBeNull();
    // Another partner's cursor, or a forged one, pages nothing of this partner's.
    const [foreign] = await listPartnerClients(getDb(), mine.lead, { partnerId: other.partner.id, after: first.nextCursor! });
    expect(foreign.clients.map((c) => c.id)).toEqual(first.clients.map((c) => c.id));
    const [forged] = await listPartnerClients(getDb(), mine.lead, { partnerId: mine.partner.id, after: "not-a-cursor" });
    expect(forged.clients.map((c) => c.id)).toEqual(first.clients.map((c) => c.id));
    const [theirs] = await listPartnerClients(getDb(), other.lead);
    expect(theirs.clients.map((c) => c.clientName)).toEqual(["Someone else's client 001", "Someone else's client 002"]);
  });

  test("[PRT-4] the list costs one SQL statement whether the partner has 2 clients or 40", async () => {
    const small = await partnerWith(2, "Small");
    const large = await partnerWith(40, "Large");
    const { db, seen } = countingDb();
    try {
      const count = async (actor: typeof small.lead) => {
        seen.count = 0;
        const groups = await listPartnerClients(db, actor);
        return { statements: seen.count, rows: groups[0].clients.length };
      };
      const a = await count(small.lead);
      const b = await count(large.lead);
      expect(a.rows).toBe(2);
      expect(b.rows).toBe(CLIENTS_PAGE_SIZE);
      expect(a.statements).toBe(1);
      expect(b.statements).toBe(a.statements);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("a full-access client's product count is capped (PRT-4)", () => {
  test("[PRT-4] a client with 1,001 products shows “1,000+”; one with 3 shows 3", async () => {
    const db = getDb();
    const partnerOrg = await createOrganization(db);
    const partner = await createPartner(db, { orgId: partnerOrg.id });
    const lead = { kind: "user" as const, userId: partnerOrg.legalRepresentativeId, sessionId: "s", staffRole: null };
    const big = await createOrganization(db, { name: "Capped 1 big" });
    const small = await createOrganization(db, { name: "Capped 2 small" });
    // One multi-row INSERT each.
    await createProducts(db, Array.from({ length: PRODUCT_COUNT_CAP + 1 }, () => ({ orgId: big.id })));
    await createProducts(db, [1, 2, 3].map(() => ({ orgId: small.id })));
    await createPartnership(db, { partnerId: partner.id, clientOrgId: big.id, access: "FULL" });
    await createPartnership(db, { partnerId: partner.id, clientOrgId: small.id, access: "FULL" });

    const [mine] = await listPartnerClients(db, lead);
    const en = new Intl.NumberFormat("en");
    const labels = mine.clients.map((c) => [c.clientName, productCountLabel(c, (n) => en.format(n))]);
    expect(labels).toEqual([
      ["Capped 1 big", "1,000+"],
      ["Capped 2 small", "3"],
    ]);
    expect(mine.clients[0]).toMatchObject({ productCount: PRODUCT_COUNT_CAP, productCountCapped: true });
    expect(mine.clients[1]).toMatchObject({ productCount: 3, productCountCapped: false });
  });
});
