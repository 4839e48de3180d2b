import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, describe, expect, test } from "vitest";
import { clock, DAY } from "@/lib/clock";
import { CONNECTION_OPTIONS, getDb } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { COUNT_CAP, shownCount } from "@/lib/orgs/capped-count";
import { dashboardSummary } from "@/lib/orgs/dashboard-summary";
import { hashBackupCode } from "@/lib/two-factor/backup-codes";
import {
  addMember,
  createInvoice,
  createOrder,
  createOrganization,
  createProductCategories,
  createProducts,
  createRawApiToken,
  createTotpMethod,
  createUser,
  grantProductAccess,
} from "../factories";
import { asUser } from "./support/api";

afterEach(() => clock.reset());

const db = getDb();
const T0 = new Date("2026-06-01T09:00:00Z");
const kinds = (items: { kind: string }[]) => items.map((i) => i.kind);

/** An authenticator app and ten unused backup codes, as enabling 2FA leaves them (2FA-2). */
async function withTwoFactor(userId: string, usedCodes = 0) {
  await createTotpMethod(db, userId);
  await db.backupCode.createMany({
    data: Array.from({ length: 10 }, (_, i) => ({ userId, codeHash: hashBackupCode(`${userId}-${i}`), usedAt: i < usedCodes ? T0 : null })),
  });
}

/** An Organization with something wrong in every part of the dashboard: an overdue invoice, a blocked order, a suspended product. */
async function troubledOrganization() {
  const org = await createOrganization(db);
  const [active, suspended, expiring] = await createProducts(db, [
    { orgId: org.id, name: "active.ch", expiresAt: new Date(T0.getTime() + 200 * DAY) },
    { orgId: org.id, name: "suspended.ch", status: "BLOCKED", expiresAt: new Date(T0.getTime() + 100 * DAY) },
    { orgId: org.id, name: "expiring.ch", expiresAt: new Date(T0.getTime() + 5 * DAY) },
  ]);
  const overdue = await createInvoice(db, { org, status: "UNPAID", issuedAt: new Date(T0.getTime() - 40 * DAY), dueAt: new Date(T0.getTime() - 10 * DAY) });
  await createInvoice(db, { org, status: "UNPAID", issuedAt: T0, dueAt: new Date(T0.getTime() + 30 * DAY) });
  const blocked = await createOrder(db, { org, status: "BLOCKED", createdAt: new Date(T0.getTime() - DAY) });
  await db.auditLog.create({ data: { actorKind: "USER", actorId: org.legalRepresentativeId, orgId: org.id, action: "org.updated", at: new Date(T0.getTime() - DAY) } });
  return { org, products: { active, suspended, expiring }, overdue, blocked };
}

describe("dashboard", () => {
  test("[BIL-1] [IDV-4] a legal representative sees the billing cards and what needs attention first, each leading to its page's data", async () => {
    clock.set(T0);
    const { org, overdue, blocked } = await troubledOrganization();
    const summary = await dashboardSummary(db, asUser(org.legalRepresentativeId), org.id);
    expect(summary.invoices).toEqual({ unpaidCount: 2, unpaidTotalMinor: expect.any(Number), overdueCount: 1 });
    expect(summary.pendingOrders).toBe(0);
    expect(summary.productCount).toBe(3);
    expect(summary.expiringCount).toBe(1);
    expect(summary.members).toBe(1);
    expect(summary.canOrderRenewals).toBe(true);
    expect(summary.attention).toContainEqual({ kind: "overdueInvoices", count: 1, invoiceId: overdue.id });
    expect(summary.attention).toContainEqual({ kind: "suspendedProducts", count: 1 });
    expect(summary.attention).toContainEqual(expect.objectContaining({ kind: "blockedOrder", orderId: blocked.id, number: blocked.number }));
    // Most urgent first: money owed before the reader's own security.
    expect(kinds(summary.attention).slice(0, 3)).toEqual(["overdueInvoices", "suspendedProducts", "blockedOrder"]);
    expect(summary.activity?.map((a) => a.action)).toEqual(["org.updated"]);
  });

  test("[ORG-1] [PRD-3] a member without billing.read sees no billing card, no billing item, no activity, and counts only the products granted to them", async () => {
    clock.set(T0);
    const { org, products } = await troubledOrganization();
    const member = await addMember(db, org.id, (await createUser(db)).id, "USER");
    await grantProductAccess(db, { membershipId: member.id, productIds: [products.expiring.id] });
    const summary = await dashboardSummary(db, asUser(member.userId), org.id);
    expect(summary.invoices).toBeNull();
    expect(summary.pendingOrders).toBeNull();
    expect(summary.canOrderRenewals).toBe(false);
    expect(summary.activity).toBeNull();
    expect(summary.productCount).toBe(1);
    expect(summary.expiringSoon.map((p) => p.name)).toEqual(["expiring.ch"]);
    // The suspended product is not theirs: nothing to flag. Billing items are for billing readers.
    expect(kinds(summary.attention)).not.toContain("suspendedProducts");
    expect(kinds(summary.attention)).not.toContain("overdueInvoices");
    expect(kinds(summary.attention)).not.toContain("blockedOrder");
    // Every member may see who belongs to the Organization (users.read); an external user may not.
    expect(summary.members).toBe(2);
    const external = await addMember(db, org.id, (await createUser(db)).id, "EXTERNAL");
    expect((await dashboardSummary(db, asUser(external.userId), org.id)).members).toBeNull();
  });

  test("[2FA-1] [2FA-2] two-step verification off: the reader's own, and the other legal representatives' for a legal representative; few backup codes left", async () => {
    clock.set(T0);
    const org = await createOrganization(db);
    const second = await addMember(db, org.id, (await createUser(db, { firstName: "Second", lastName: "Representative" })).id, "LEGAL_REPRESENTATIVE");
    await withTwoFactor(second.userId, 8);
    const admin = await addMember(db, org.id, (await createUser(db)).id, "ADMINISTRATOR");

    // The first legal representative has no second factor: told about their own, not about the second (who has one).
    const first = await dashboardSummary(db, asUser(org.legalRepresentativeId), org.id);
    expect(kinds(first.attention)).toEqual(["twoFactorOff"]);
    // The second one sees the first's, and their own two backup codes left.
    const other = await dashboardSummary(db, asUser(second.userId), org.id);
    expect(other.attention).toEqual([
      { kind: "legalRepresentativeTwoFactorOff", membershipId: org.legalRepresentativeMembershipId, name: expect.any(String) },
      { kind: "backupCodesLow", left: 2 },
    ]);
    // An administrator does not oversee the legal representatives' security: only their own.
    expect(kinds((await dashboardSummary(db, asUser(admin.userId), org.id)).attention)).toEqual(["twoFactorOff"]);
    // A third unused code: no longer "few".
    await db.backupCode.updateMany({ where: { userId: second.userId, codeHash: hashBackupCode(`${second.userId}-0`) }, data: { usedAt: null } });
    expect(kinds((await dashboardSummary(db, asUser(second.userId), org.id)).attention)).not.toContain("backupCodesLow");
  });

  test("[TOK-1] [TOK-3] API tokens stopping within 30 days: the reader's own, or every token acting here for a legal representative", async () => {
    clock.set(T0);
    const org = await createOrganization(db);
    const elsewhere = await createOrganization(db);
    const member = await addMember(db, org.id, (await createUser(db)).id, "USER");
    await addMember(db, elsewhere.id, member.userId, "USER");
    await withTwoFactor(member.userId);
    await withTwoFactor(org.legalRepresentativeId);
    const expiring = async (name: string, days: number | null, orgIds: string[] = []) => {
      await createRawApiToken(db, { userId: member.userId, name, orgIds });
      await db.apiToken.updateMany({ where: { userId: member.userId, name }, data: { expiresAt: days === null ? null : new Date(T0.getTime() + days * DAY), createdAt: T0 } });
    };
    await expiring("soon", 10);
    await expiring("later", 50);
    await expiring("never", null);
    await expiring("other organization only", 5, [elsewhere.id]);

    const own = await dashboardSummary(db, asUser(member.userId), org.id);
    expect(own.attention).toEqual([{ kind: "tokensExpiring", count: 1, soonest: new Date(T0.getTime() + 10 * DAY), whose: "own" }]);
    const overseer = await dashboardSummary(db, asUser(org.legalRepresentativeId), org.id);
    expect(overseer.attention).toEqual([{ kind: "tokensExpiring", count: 1, soonest: new Date(T0.getTime() + 10 * DAY), whose: "organization" }]);
    // A year without use deactivates a token (TOK-3): flagged in the month before.
    await db.apiToken.updateMany({ where: { userId: member.userId, name: "never" }, data: { createdAt: new Date(T0.getTime() - 350 * DAY) } });
    expect((await dashboardSummary(db, asUser(member.userId), org.id)).attention).toEqual([
      { kind: "tokensExpiring", count: 2, soonest: new Date(T0.getTime() + 10 * DAY), whose: "own" },
    ]);
    clock.set(new Date(T0.getTime() + 11 * DAY));
    expect((await dashboardSummary(db, asUser(member.userId), org.id)).attention).toEqual([
      { kind: "tokensExpiring", count: 1, soonest: new Date(T0.getTime() + 15 * DAY), whose: "own" },
    ]);
  });

  test("[ACC-6] [SEC-4] nothing from another Organization: its invoices, orders, products, people and tokens are neither counted nor named", async () => {
    clock.set(T0);
    const mine = await createOrganization(db);
    await withTwoFactor(mine.legalRepresentativeId);
    const theirs = await troubledOrganization();
    // The other Organization's legal representative is also a member here, without 2FA and with an expiring token.
    await addMember(db, mine.id, theirs.org.legalRepresentativeId, "USER");
    await createRawApiToken(db, { userId: theirs.org.legalRepresentativeId, name: "theirs", orgIds: [theirs.org.id] });
    await db.apiToken.updateMany({ where: { userId: theirs.org.legalRepresentativeId }, data: { expiresAt: new Date(T0.getTime() + 3 * DAY) } });

    const summary = await dashboardSummary(db, asUser(mine.legalRepresentativeId), mine.id);
    expect(summary.invoices).toEqual({ unpaidCount: 0, unpaidTotalMinor: 0, overdueCount: 0 });
    expect(summary.pendingOrders).toBe(0);
    expect(summary.productCount).toBe(0);
    expect(summary.expiringSoon).toEqual([]);
    expect(summary.members).toBe(2);
    expect(summary.attention).toEqual([]);
    expect(summary.activity).toEqual([]);
    await expect(dashboardSummary(db, asUser(mine.legalRepresentativeId), theirs.org.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[SEC-4] counts stop at the cap and the page shows 99+", async () => {
    clock.set(T0);
    const org = await createOrganization(db);
    const categories = await createProductCategories(db);
    await db.$executeRaw`
      INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency, status)
      SELECT 'cap' || i, ${org.id}, ${categories.domain.id}, 'p' || i || '.ch', 'Holder', ${new Date(T0.getTime() + 3 * DAY)}, 1500, 'CHF', (CASE WHEN i % 2 = 0 THEN 'BLOCKED' ELSE 'ACTIVE' END)::"ProductStatus"
      FROM generate_series(1, 250) AS i`;
    const summary = await dashboardSummary(db, asUser(org.legalRepresentativeId), org.id);
    expect(summary.productCount).toBe(COUNT_CAP);
    expect(summary.expiringCount).toBe(COUNT_CAP);
    expect(summary.attention).toContainEqual({ kind: "suspendedProducts", count: COUNT_CAP });
    expect(shownCount(summary.productCount!)).toBe("99+");
    expect(shownCount(99)).toBe("99");
  });

  test("[SEC-4] [PRD-3] at 100,000 products, every count and list of the dashboard reads an index, never the whole table", async () => {
    clock.set(T0);
    const org = await createOrganization(db);
    const categories = await createProductCategories(db);
    await db.$executeRaw`
      INSERT INTO "Product" (id, "orgId", "categoryId", name, "holderName", "expiresAt", "priceMinor", currency, status)
      SELECT 'big' || lpad(i::text, 7, '0'), ${org.id}, ${categories.domain.id}, md5(i::text) || '.ch', 'Holder',
             ${T0}::timestamp + (i % 400 - 30) * interval '1 day', 1500, 'CHF', (CASE WHEN i % 1000 = 0 THEN 'BLOCKED' ELSE 'ACTIVE' END)::"ProductStatus"
      FROM generate_series(1, 100000) AS i`;
    const member = await addMember(db, org.id, (await createUser(db)).id, "USER");
    await db.$executeRaw`
      INSERT INTO "ProductAccess" (id, "productId", "membershipId")
      SELECT 'bg' || i, 'big' || lpad(i::text, 7, '0'), ${member.id} FROM generate_series(1, 100000, 100) AS i`;
    await db.$executeRaw`ANALYZE "Product"`;
    await db.$executeRaw`ANALYZE "ProductAccess"`;

    const logging = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, options: CONNECTION_OPTIONS }),
      log: [{ emit: "event", level: "query" }],
    });
    const statements: { query: string; params: string }[] = [];
    logging.$on("query", (e) => {
      if (e.query.includes('FROM "public"."Product"')) statements.push({ query: e.query, params: e.params });
    });
    try {
      const owner = await dashboardSummary(logging, asUser(org.legalRepresentativeId), org.id);
      expect(owner.productCount).toBe(COUNT_CAP);
      expect(shownCount(owner.productCount!)).toBe("99+");
      expect(owner.attention).toContainEqual({ kind: "suspendedProducts", count: COUNT_CAP });
      const granted = await dashboardSummary(logging, asUser(member.userId), org.id);
      expect(granted.productCount).toBe(COUNT_CAP);
      expect(statements.length).toBeGreaterThanOrEqual(10);
      for (const { query, params } of statements) {
        const plan = (await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${query}`, ...(JSON.parse(params) as unknown[]))).map((r) => r["QUERY PLAN"]).join("\n");
        expect(plan, query).not.toMatch(/Seq Scan on "Product"/);
      }
    } finally {
      await logging.$disconnect();
    }
  });
});
