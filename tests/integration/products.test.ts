import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { DAY, now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getProduct } from "@/lib/products/get-product";
import { listProducts, type ListProductsInput } from "@/lib/products/list-products";
import { addMembers, createOrganization, createPartner, createPartnership, createProduct, createProducts, createTag, createTeam, createUsers, grantProductAccess, tagProducts } from "../factories";

const asUser = (userId: string): Actor => ({ kind: "user", userId, sessionId: "s", staffRole: null });

/** Alice (legal representative), Bruno (admin), Carla (user, in team "Web"), Dario (user), Eva (external). */
async function org() {
  const db = getDb();
  const [alice, bruno, carla, dario, eva] = await createUsers(db, [{ firstName: "Alice" }, { firstName: "Bruno" }, { firstName: "Carla" }, { firstName: "Dario" }, { firstName: "Eva" }]);
  const o = await createOrganization(db, { legalRepresentativeId: alice.id });
  const [mBruno, mCarla, mDario, mEva] = await addMembers(db, o.id, [
    { userId: bruno.id, role: "ADMINISTRATOR" },
    { userId: carla.id, role: "USER" },
    { userId: dario.id, role: "USER" },
    { userId: eva.id, role: "EXTERNAL" },
  ]);
  const [own, teamOnly, hidden] = await createProducts(db, [
    { orgId: o.id, name: "dario-own.ch", category: "domain" },
    { orgId: o.id, name: "web-team-hosting", category: "hosting" },
    { orgId: o.id, name: "hidden-mail", category: "mail" },
  ]);
  await grantProductAccess(db, { membershipId: mDario.id, productIds: [own.id] });
  await grantProductAccess(db, { membershipId: mEva.id, productIds: [own.id] });
  const web = await createTeam(db, { orgId: o.id, name: "Web", membershipIds: [mCarla.id], productIds: [teamOnly.id] });
  return { org: o, users: { alice, bruno, carla, dario, eva }, m: { bruno: mBruno, carla: mCarla, dario: mDario, eva: mEva }, products: { own, teamOnly, hidden }, web };
}

const list = (userId: string, input: ListProductsInput) => listProducts(getDb(), asUser(userId), input);
const names = (items: { name: string }[]) => items.map((i) => i.name);

describe("products list (PRD-1, PRD-3, TAG-4)", () => {
  test("[PRD-1] lists category, name, expiry, renewal period, auto-renewal, status and tags", async () => {
    const db = getDb();
    const { org: o, users } = await org();
    const expiresAt = new Date("2027-05-01T00:00:00Z");
    const p = await createProduct(db, { orgId: o.id, name: "aaa-first.ch", category: "domain", expiresAt, renewalPeriodMonths: 24, autoRenew: true, status: "BLOCKED" });
    const tag = await createTag(db, { orgId: o.id, name: "Client X", color: "green" });
    await tagProducts(db, [{ productId: p.id, tagId: tag.id }]);
    const { items } = await list(users.alice.id, { orgId: o.id });
    expect(items[0]).toEqual({
      id: p.id,
      name: "aaa-first.ch",
      category: "domain",
      expiresAt,
      renewalPeriodMonths: 24,
      autoRenew: true,
      status: "BLOCKED",
      tags: [{ id: tag.id, name: "Client X", color: "green" }],
    });
  });

  test("[PRD-3] legal representatives and administrators see all; users only their own and their teams' products", async () => {
    const { org: o, users } = await org();
    expect(names((await list(users.alice.id, { orgId: o.id })).items)).toEqual(["dario-own.ch", "hidden-mail", "web-team-hosting"]);
    expect(names((await list(users.bruno.id, { orgId: o.id })).items)).toEqual(["dario-own.ch", "hidden-mail", "web-team-hosting"]);
    expect(names((await list(users.carla.id, { orgId: o.id })).items)).toEqual(["web-team-hosting"]);
    expect(names((await list(users.dario.id, { orgId: o.id })).items)).toEqual(["dario-own.ch"]);
    expect(names((await list(users.eva.id, { orgId: o.id })).items)).toEqual(["dario-own.ch"]);
  });

  test("[PRD-3] an outsider gets NOT_FOUND for another Organization's list", async () => {
    const { org: o } = await org();
    const { users } = await org();
    await expect(list(users.alice.id, { orgId: o.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[TAG-4] searches by name (any case), filters by category, tag, status and expiry window", async () => {
    const db = getDb();
    const { org: o, users, products } = await org();
    const soon = await createProduct(db, { orgId: o.id, name: "soon-Expiring.CH", expiresAt: new Date(now().getTime() + 5 * DAY), status: "ACTIVE" });
    await createProduct(db, { orgId: o.id, name: "ended.ch", status: "TERMINATED" });
    const tag = await createTag(db, { orgId: o.id, name: "Urgent" });
    await tagProducts(db, [{ productId: soon.id, tagId: tag.id }, { productId: products.hidden.id, tagId: tag.id }]);
    const run = async (input: Omit<ListProductsInput, "orgId">) => names((await list(users.alice.id, { orgId: o.id, ...input })).items);
    expect(await run({ q: "SOON-exp" })).toEqual(["soon-Expiring.CH"]);
    expect(await run({ q: "%" })).toEqual([]);
    expect(await run({ category: "hosting" })).toEqual(["web-team-hosting"]);
    expect(await run({ tagId: tag.id })).toEqual(["hidden-mail", "soon-Expiring.CH"]);
    expect(await run({ tagId: tag.id, q: "mail" })).toEqual(["hidden-mail"]);
    expect(await run({ status: "TERMINATED" })).toEqual(["ended.ch"]);
    expect(await run({ expiresWithin: 30 })).toEqual(["soon-Expiring.CH"]);
    // A user filtering by a tag only sees the tagged products they have access to.
    expect(names((await list(users.carla.id, { orgId: o.id, tagId: tag.id })).items)).toEqual([]);
  });

  test("[PRD-3] keyset paging returns every row exactly once across pages, forwards and back, for each sort", async () => {
    const db = getDb();
    const { org: o, users } = await org();
    const statuses = ["ACTIVE", "BLOCKED", "TERMINATED"] as const;
    await createProducts(
      db,
      Array.from({ length: 60 }, (_, i) => ({
        orgId: o.id,
        // Duplicate names and dates on purpose: the id breaks ties.
        name: `bulk-${String(i % 20).padStart(2, "0")}.ch`,
        expiresAt: new Date(Date.UTC(2027, 0, 1 + (i % 7))),
        status: statuses[i % 3],
      })),
    );
    const total = 63;
    for (const sort of ["name", "expiry", "status"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const seen: string[] = [];
        const pages: { ids: string[]; prev: string | null }[] = [];
        let after: string | undefined;
        for (let guard = 0; guard < 10; guard++) {
          const page = await list(users.alice.id, { orgId: o.id, sort, dir, perPage: 25, after });
          pages.push({ ids: page.items.map((i) => i.id), prev: page.previousCursor });
          seen.push(...page.items.map((i) => i.id));
          if (!page.nextCursor) break;
          after = page.nextCursor;
        }
        expect(pages.map((p) => p.ids.length)).toEqual([25, 25, 13]);
        expect(new Set(seen).size).toBe(total);
        expect(seen.length).toBe(total);
        // Going back from page 3 gives page 2 again, and from page 2 page 1.
        const back = await list(users.alice.id, { orgId: o.id, sort, dir, perPage: 25, before: pages[2].prev! });
        expect(back.items.map((i) => i.id)).toEqual(pages[1].ids);
        const first = await list(users.alice.id, { orgId: o.id, sort, dir, perPage: 25, before: back.previousCursor! });
        expect(first.items.map((i) => i.id)).toEqual(pages[0].ids);
        expect(first.previousCursor).toBeNull();
      }
    }
  });

  test("[PRD-3] the number of SQL queries per request is the same at 1 and at 40 tagged products", async () => {
    const db = getDb();
    const counting = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
    let queries = 0;
    counting.$on("query", () => void queries++);
    const measure = async (orgId: string, userId: string) => {
      queries = 0;
      const page = await listProducts(counting, asUser(userId), { orgId, perPage: 50 });
      return { queries, rows: page.items.length, tagged: page.items.filter((i) => i.tags.length === 2).length };
    };
    const small = await org();
    const big = await org();
    const tags = await Promise.all([createTag(db, { orgId: big.org.id }), createTag(db, { orgId: big.org.id })]);
    const many = await createProducts(db, Array.from({ length: 40 }, () => ({ orgId: big.org.id })));
    await tagProducts(db, many.flatMap((p) => tags.map((t) => ({ productId: p.id, tagId: t.id }))));
    try {
      const a = await measure(small.org.id, small.users.alice.id);
      const b = await measure(big.org.id, big.users.alice.id);
      expect(a.rows).toBe(3);
      expect(b).toMatchObject({ rows: 43, tagged: 40 });
      expect(b.queries).toBe(a.queries);
      expect(b.queries).toBeLessThanOrEqual(5);
    } finally {
      await counting.$disconnect();
    }
  });
});

describe("product page (PRD-2, PRD-3)", () => {
  test("[PRD-2] [PRT-5] shows the holder, the managing Organization and the payer as three distinct parties: the payer is who the renewals charge", async () => {
    const db = getDb();
    const { org: o, users } = await org();
    const [partnerOwner] = await createUsers(db, [{}]);
    const partnerOrg = await createOrganization(db, { legalRepresentativeId: partnerOwner.id, name: "Partner SA" });
    const partner = await createPartner(db, { orgId: partnerOrg.id });
    const partnership = await createPartnership(db, { partnerId: partner.id, clientOrgId: o.id, access: "FULL", payer: "PARTNER" });
    const p = await createProduct(db, { orgId: o.id, holderName: "Jane Registrant", holderEmail: "jane@holder.example" });
    const parties = async () => (await getProduct(db, asUser(users.alice.id), { orgId: o.id, productId: p.id })).parties;
    expect(await parties()).toEqual({
      holder: { name: "Jane Registrant", email: "jane@holder.example" },
      manager: { id: o.id, name: o.name },
      payer: { id: partnerOrg.id, name: "Partner SA" },
      payerIsManager: false,
    });
    // The same decision as the renewals (lib/partners/payer.ts): once the client pays, it is the payer shown.
    await db.partnership.update({ where: { id: partnership.id }, data: { payer: "CLIENT" } });
    expect(await parties()).toMatchObject({ payer: { id: o.id, name: o.name }, payerIsManager: true });
    await db.partnership.update({ where: { id: partnership.id }, data: { payer: "PARTNER", status: "ENDED" } });
    expect(await parties()).toMatchObject({ payer: { id: o.id }, payerIsManager: true });
  });

  test("[PRD-2] without a payer, the managing Organization pays", async () => {
    const { org: o, users, products } = await org();
    const page = await getProduct(getDb(), asUser(users.alice.id), { orgId: o.id, productId: products.own.id });
    expect(page.parties.payer).toEqual({ id: o.id, name: o.name });
    expect(page.parties.payerIsManager).toBe(true);
  });

  test("[PRD-3] lists the users and teams with access, and those who see every product by their role", async () => {
    const { org: o, users, products, web } = await org();
    const own = await getProduct(getDb(), asUser(users.bruno.id), { orgId: o.id, productId: products.own.id });
    expect(own.access!.users.map((u) => u.user.firstName).sort()).toEqual(["Dario", "Eva"]);
    expect(own.access!.teams).toEqual([]);
    expect(own.access!.byRole.map((m) => m.user.firstName)).toEqual(["Alice", "Bruno"]);
    const team = await getProduct(getDb(), asUser(users.carla.id), { orgId: o.id, productId: products.teamOnly.id });
    expect(team.access!.teams.map((t) => t.team)).toEqual([{ id: web.id, name: "Web" }]);
  });

  test("[PRD-3] a product the user has no access to, or another Organization's, answers NOT_FOUND", async () => {
    const { org: o, users, products } = await org();
    const other = await org();
    await expect(getProduct(getDb(), asUser(users.dario.id), { orgId: o.id, productId: products.hidden.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getProduct(getDb(), asUser(users.alice.id), { orgId: o.id, productId: other.products.own.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getProduct(getDb(), asUser(users.alice.id), { orgId: other.org.id, productId: other.products.own.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
