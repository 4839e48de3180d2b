import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DAY } from "../../lib/clock";
import type { Db, Tx } from "../../lib/db";
import { startEmbeddedPostgres } from "../../lib/dev/embedded-postgres";
import type { RunningPostgres } from "../../lib/dev/embedded-postgres";
import { deployMigrations } from "../../lib/dev/migrate";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { payerOf } from "../../lib/partners/payer";
import { decrypt } from "../../lib/security/encryption";
import { verifyPassword } from "../../lib/security/passwords";
import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_STAFF_TOTP_SECRET, seedDemoData } from "../../prisma/seed";
import { createOrganization, createProduct, TAG_COLORS } from "../factories";

const TIMEOUT = 120_000;

let postgres: RunningPostgres;
let db: Db;
let firstRun: { created: boolean };
let seededCounts: number[];
const extraClients: Db[] = [];

// lib/db.ts imports through the "@/" alias, which vitest cannot resolve without a config file.
const connect = (url: string): Db => new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 5 }) });

beforeAll(async () => {
  const dataDir = fileURLToPath(new URL(`../../.data/seed-test-${process.pid}-${Date.now()}`, import.meta.url));
  postgres = await startEmbeddedPostgres({ dataDir, persistent: false, quiet: true });
  await deployMigrations(postgres.adminUrl);
  db = connect(postgres.adminUrl);
  firstRun = await seedDemoData(db);
  seededCounts = await countAll(db);
}, TIMEOUT);

afterAll(async () => {
  for (const client of [db, ...extraClients]) await client?.$disconnect();
  await postgres?.stop();
}, TIMEOUT);

const orgNamed = (name: string) => db.organization.findFirstOrThrow({ where: { name } });

function countAll(client: Db) {
  return Promise.all([
    client.user.count(), client.organization.count(), client.membership.count(), client.team.count(),
    client.teamMember.count(), client.productAccess.count(), client.productCategory.count(), client.product.count(),
    client.tag.count(), client.productTag.count(), client.invoice.count(), client.invoiceLine.count(),
    client.partner.count(), client.partnership.count(), client.partnershipProduct.count(),
    client.partnerManager.count(), client.billingPreference.count(), client.partnerCashback.count(),
  ]);
}

describe("demo data", () => {
  test("[ORG-1] demo data has a legal representative, an administrator and two users in a team", async () => {
    expect(firstRun).toEqual({ created: true });
    const alpine = await orgNamed("Alpine Web Sàrl");
    expect(alpine).toMatchObject({ country: "CH", currency: "CHF", entityType: "COMPANY" });
    const members = await db.membership.findMany({ where: { orgId: alpine.id }, include: { user: true, teams: true } });
    const roleOf = (email: string) => members.find((m) => m.user.email === email)?.role;
    expect(roleOf("owner@example.com")).toBe("LEGAL_REPRESENTATIVE");
    expect(roleOf("admin@example.com")).toBe("ADMINISTRATOR");
    expect(roleOf("anna@example.com")).toBe("USER");
    expect(roleOf("luca@example.com")).toBe("USER");
    const team = await db.team.findUniqueOrThrow({
      where: { orgId_name: { orgId: alpine.id, name: "Web team" } },
      include: { members: { include: { membership: { include: { user: true } } } } },
    });
    expect(team.members.map((m) => m.membership.user.email).sort()).toEqual(["anna@example.com", "luca@example.com"]);
  });

  test("[ORG-6] the team is granted access to a few of the Organization's products", async () => {
    const alpine = await orgNamed("Alpine Web Sàrl");
    const grants = await db.productAccess.findMany({ where: { team: { name: "Web team" } }, include: { product: true } });
    expect(grants.length).toBeGreaterThanOrEqual(2);
    expect(grants.every((g) => g.product.orgId === alpine.id)).toBe(true);
  });

  test("[ACC-6] the owner belongs to two Organizations and lands on Alpine Web first", async () => {
    const owner = await db.user.findUniqueOrThrow({
      where: { email: "owner@example.com" },
      include: { memberships: { include: { organization: true } } },
    });
    expect(owner.memberships).toHaveLength(2);
    const alpine = await orgNamed("Alpine Web Sàrl");
    expect(owner.lastOrgId).toBe(alpine.id);
    expect(owner).toMatchObject({ firstName: "Claire", lastName: "Dubois", locale: "fr" });
  });

  test("[ACC-1] every demo login signs in with the demo password, stored only as an argon2 hash", async () => {
    const users = await db.user.findMany({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } } });
    expect(users).toHaveLength(DEMO_LOGINS.length);
    expect(DEMO_LOGINS.every((l) => l.password === DEMO_PASSWORD)).toBe(true);
    // The demo users share one hash of the published password; verifying it once per distinct hash is enough.
    for (const hash of new Set(users.map((u) => u.passwordHash))) {
      expect(hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(hash, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(hash, "wrong-password")).toBe(false);
    }
  });

  test("[ACC-3] Jean Martin is an individual customer in France, billed in EUR", async () => {
    const jean = await db.user.findUniqueOrThrow({
      where: { email: "jean@example.com" },
      include: { memberships: { include: { organization: true } } },
    });
    expect(jean.memberships).toHaveLength(1);
    expect(jean.memberships[0]).toMatchObject({ role: "LEGAL_REPRESENTATIVE" });
    expect(jean.memberships[0].organization).toMatchObject({ entityType: "INDIVIDUAL", country: "FR", currency: "EUR" });
  });

  test("[PRD-1] products of every category, due soon, past due and blocked", async () => {
    const alpine = await orgNamed("Alpine Web Sàrl");
    const jeanOrg = await orgNamed("Jean Martin");
    const products = await db.product.findMany({ where: { orgId: alpine.id }, include: { category: true } });
    expect(products.length).toBeGreaterThanOrEqual(10);
    expect(await db.product.count({ where: { orgId: jeanOrg.id } })).toBeGreaterThanOrEqual(4);
    expect(new Set(products.map((p) => p.category.code))).toEqual(
      new Set(["domain", "hosting", "mail", "drive", "chat", "newsletter"]),
    );
    const days = products.map((p) => (p.expiresAt.getTime() - Date.now()) / DAY);
    expect(days.filter((d) => d > 0 && d <= 14).length).toBeGreaterThanOrEqual(2);
    expect(days.filter((d) => d < 0).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...days)).toBeLessThanOrEqual(366);
    expect(products.filter((p) => p.status === "BLOCKED" && p.blockedAt)).toHaveLength(1);
    expect(products.some((p) => p.autoRenew)).toBe(true);
    expect(products.every((p) => p.currency === "CHF" && p.priceMinor > 0)).toBe(true);
    expect(new Set(products.map((p) => p.renewalPeriodMonths)).size).toBeGreaterThan(1);
    const domain = await db.productCategory.findUniqueOrThrow({ where: { code: "domain" } });
    expect(domain.maxRenewalYears).toBe(10);
  });

  test("[PRD-2] holder, managing Organization and payer are distinct", async () => {
    const withOtherHolder = await db.product.findMany({ where: { holderName: "Boulangerie Rochat SA" }, include: { organization: true } });
    expect(withOtherHolder.length).toBeGreaterThanOrEqual(2);
    expect(withOtherHolder.every((p) => p.organization.name === "Alpine Web Sàrl")).toBe(true);
    // The payer is who the renewals charge (lib/partners/payer.ts, PRT-5): Helvetic Partners for Bergblick
    // Hotel's products, the Organization itself for Jean Martin's (limited access: the client pays).
    const bergblick = await orgNamed("Bergblick Hotel AG");
    const paidByPartner = await db.product.findMany({ where: { orgId: bergblick.id }, include: { organization: true } });
    expect(paidByPartner.length).toBeGreaterThanOrEqual(1);
    const partnerPays = await payerOf(db as unknown as Tx, bergblick.id, "AUTO_RENEWAL");
    expect((await db.organization.findUniqueOrThrow({ where: { id: partnerPays.orgId } })).name).toBe("Helvetic Partners AG");
    expect(paidByPartner.every((p) => p.organization.name === "Bergblick Hotel AG" && p.holderName === "Bergblick Hotel AG")).toBe(true);
    const jean = await orgNamed("Jean Martin");
    expect((await payerOf(db as unknown as Tx, jean.id, "AUTO_RENEWAL")).orgId).toBe(jean.id);
  });

  test("[SEED] demo data: Alpine Web is under full access (client pays), Jean under limited access to two products", async () => {
    const partner = await db.partner.findFirstOrThrow({
      where: { organization: { name: "Helvetic Partners AG" } },
      include: { organization: { include: { memberships: { include: { user: true } } } } },
    });
    expect(partner.organization.memberships[0].user.email).toBe("partner@example.com");
    const partnerships = await db.partnership.findMany({
      where: { partnerId: partner.id },
      include: { client: true, products: { include: { product: true } } },
    });
    const full = partnerships.find((p) => p.client.name === "Alpine Web Sàrl");
    const limited = partnerships.find((p) => p.client.name === "Jean Martin");
    expect(full).toMatchObject({ access: "FULL", payer: "CLIENT", status: "ACTIVE" });
    expect(limited).toMatchObject({ access: "LIMITED", status: "ACTIVE" });
    expect(limited?.products).toHaveLength(2);
    expect(limited?.products.every((g) => g.product.orgId === limited.clientOrgId)).toBe(true);
  });

  test("[SEED] [PRT-5] demo data: the partner pays for Bergblick Hotel under full access, and reads the invoice Bergblick paid before", async () => {
    const bergblick = await orgNamed("Bergblick Hotel AG");
    const partnership = await db.partnership.findFirstOrThrow({ where: { clientOrgId: bergblick.id }, include: { partner: true } });
    expect(partnership).toMatchObject({ access: "FULL", payer: "PARTNER", status: "ACTIVE", partner: { displayName: "Helvetic Partners AG" } });
    expect(await db.invoice.count({ where: { orgId: bergblick.id, status: "PAID" } })).toBe(1);
    expect(await db.product.count({ where: { orgId: bergblick.id } })).toBe(2);
  });

  test("[PRT-5] demo data: the partner earned cashback on the paid invoices of Alpine Web (client pays)", async () => {
    const entries = await db.partnerCashback.findMany({ where: { partner: { organization: { name: "Helvetic Partners AG" } } }, include: { client: true, invoice: true } });
    expect(entries.length).toBeGreaterThanOrEqual(2);
    for (const e of entries) {
      expect(e.client.name).toBe("Alpine Web Sàrl");
      expect(e.invoice).toMatchObject({ orgId: e.clientOrgId, status: "PAID" });
      expect(e.amountMinor).toBe(Math.floor((e.invoice.subtotalMinor * 2500) / 10_000));
    }
  });

  test("[SEED] [PRT-9] demo data: the partner's legal representative manages both clients, two of its users one each", async () => {
    const managers = await db.partnerManager.findMany({ include: { membership: { include: { user: true } }, partnership: { include: { client: true } } } });
    const pairs = managers.map((m) => `${m.membership.user.email} → ${m.partnership.client.name}`).sort();
    expect(pairs).toEqual(["nina@example.com → Alpine Web Sàrl", "partner@example.com → Alpine Web Sàrl", "partner@example.com → Jean Martin", "tom@example.com → Jean Martin"]);
    expect(managers.filter((m) => m.membership.user.email !== "partner@example.com").every((m) => m.membership.role === "USER")).toBe(true);
  });

  test("[SEED] [PRT-1] demo data: the partner is in the directory with its region and specialities; Atelier Dubois's application awaits review", async () => {
    const partner = await db.partner.findFirstOrThrow({ where: { organization: { name: "Helvetic Partners AG" } } });
    expect(partner).toMatchObject({ inDirectory: true, region: "CH_GERMAN", specialities: ["wordpress", "ecommerce", "email"], tradeRegisterNumber: "CHE-116.281.710" });
    const pending = await db.partnerApplication.findMany({ where: { status: "PENDING" }, include: { organization: true } });
    expect(pending.map((a) => a.organization.name)).toEqual(["Atelier Dubois"]);
    expect(pending[0]).toMatchObject({ applicantEmail: "owner@example.com", tradeRegisterNumber: "CHE-123.456.788" });
  });

  test("[TND-2] [TND-3] demo data: open calls for tenders, one answered by the demo partner", async () => {
    const open = await db.tender.findMany({ where: { cancelledAt: null, validUntil: { gt: new Date() } }, include: { proposals: { include: { partner: true } } } });
    expect(open.length).toBeGreaterThanOrEqual(2);
    const answered = open.filter((t) => t.proposals.length > 0);
    expect(answered).toHaveLength(1);
    expect(answered[0].proposals[0].partner.displayName).toBe("Helvetic Partners AG");
  });

  test("[SEED] [PRT-4] demo data: Atelier Dubois's invitation to the partner waits for an answer, with an unexpired link", async () => {
    const pending = await db.partnership.findMany({ where: { status: "PENDING" }, include: { client: true, partner: true, products: { include: { product: true } } } });
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ access: "LIMITED", client: { name: "Atelier Dubois" }, partner: { displayName: "Helvetic Partners AG" } });
    expect(pending[0].products.map((g) => g.product.name)).toEqual(["atelier-dubois.ch"]);
    expect(pending[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(pending[0].expiresAt!.getTime()).toBeGreaterThan(Date.now());
  });

  test("[TAG-1] coloured tags from the palette are attached to products", async () => {
    const alpine = await orgNamed("Alpine Web Sàrl");
    const tags = await db.tag.findMany({ where: { orgId: alpine.id }, include: { products: true } });
    expect(tags.map((t) => t.name)).toEqual(expect.arrayContaining(["production", "client-x", "to review"]));
    expect(tags.every((t) => (TAG_COLORS as readonly string[]).includes(t.color))).toBe(true);
    expect(tags.every((t) => t.normalizedName === t.name.toLowerCase())).toBe(true);
    expect(tags.filter((t) => t.products.length > 0).length).toBeGreaterThanOrEqual(3);
  });

  test("[BIL-7] paid and unpaid invoices with lines, VAT and totals in the Organization's currency", async () => {
    const invoices = await db.invoice.findMany({ include: { lines: true, organization: true } });
    expect(invoices.some((i) => i.status === "PAID" && i.paidAt)).toBe(true);
    expect(invoices.some((i) => i.status === "UNPAID")).toBe(true);
    for (const invoice of invoices) {
      expect(invoice.number).toMatch(/^INV-\d{4}-\d{6}$/);
      expect(invoice.currency).toBe(invoice.organization.currency);
      expect(invoice.lines.length).toBeGreaterThan(0);
      expect(invoice.subtotalMinor).toBe(invoice.lines.reduce((sum, l) => sum + l.amountMinor, 0));
      expect(invoice.vatRateBp).toBe(invoice.organization.country === "CH" ? 810 : 2000);
      expect(invoice.vatMinor).toBe(Math.round((invoice.subtotalMinor * invoice.vatRateBp) / 10_000));
      expect(invoice.totalMinor).toBe(invoice.subtotalMinor + invoice.vatMinor);
    }
  });

  test("[BIL-1] an unpaid invoice past its due date covers the blocked product", async () => {
    const overdue = await db.invoice.findMany({
      where: { status: "UNPAID", dueAt: { lt: new Date() } },
      include: { lines: { include: { product: true } } },
    });
    expect(overdue).toHaveLength(1);
    expect(overdue[0].lines.some((l) => l.product?.status === "BLOCKED")).toBe(true);
  });

  test("[BIL-4] [IDV-4] Alpine Web has a pending order to pay and a blocked order waiting for its identity check", async () => {
    const orders = await db.order.findMany({ where: { organization: { name: "Alpine Web Sàrl" } }, include: { invoices: true, verifications: true, lines: true } });
    const pending = orders.find((o) => o.status === "PENDING");
    const blocked = orders.find((o) => o.status === "BLOCKED");
    expect(pending?.invoices).toMatchObject([{ status: "UNPAID", totalMinor: pending?.totalMinor }]);
    expect(blocked?.invoices).toMatchObject([{ status: "PAID" }]);
    expect(blocked?.verifications).toMatchObject([{ reason: "BLOCKED_ORDER" }]);
    expect(orders.every((o) => o.lines.length > 0)).toBe(true);
    // The overdue invoice has reached its suspension step, so the console names it as the way to pay (BIL-1).
    expect(await db.invoice.count({ where: { status: "UNPAID", dueAt: { lt: new Date() }, dunningStep: 3 } })).toBe(1);
  });

  test("[SUP-4] a support agent exists without any Organization", async () => {
    const agent = await db.user.findUniqueOrThrow({ where: { email: "support@example.com" }, include: { memberships: true } });
    expect(agent.staffRole).toBe("SUPPORT");
    expect(agent.memberships).toHaveLength(0);
  });

  test("[SUP-4] Alpine Web has an open request of a user waiting in the queue and a closed, answered one", async () => {
    const requests = await db.supportRequest.findMany({
      where: { organization: { name: { startsWith: "Alpine Web" } } },
      orderBy: { createdAt: "asc" },
      include: { requester: true, product: true, messages: true },
    });
    expect(requests.map((r) => [r.status, r.requester.email, r.handlerId === null, r.messages.length])).toEqual([
      ["CLOSED", "owner@example.com", false, 2],
      ["OPEN", "anna@example.com", true, 0],
    ]);
    // The open request names a product its requester sees through her team.
    expect(requests[1].product?.name).toBe("Web hosting alpine-web.ch");
  });

  test("[SEC-3] the demo staff have an authenticator app with the published secret, so the back office can be entered with 2FA", async () => {
    for (const login of DEMO_LOGINS.filter((l) => "totpSecret" in l)) {
      const user = await db.user.findUniqueOrThrow({ where: { email: login.email }, include: { twoFactorMethods: true } });
      expect(user.staffRole).not.toBeNull();
      expect(user.twoFactorMethods).toHaveLength(1);
      expect(user.twoFactorMethods[0]).toMatchObject({ type: "TOTP", confirmedAt: expect.any(Date) });
      expect(decrypt(user.twoFactorMethods[0].secretEncrypted!)).toBe(DEMO_STAFF_TOTP_SECRET);
    }
    expect(await db.user.count({ where: { staffRole: { not: null }, email: { in: DEMO_LOGINS.map((l) => l.email) } } })).toBe(DEMO_LOGINS.filter((l) => "totpSecret" in l).length);
  });
});

describe("seeding again", () => {
  test("[SEED] a second seed neither duplicates nor wipes anything", { timeout: TIMEOUT }, async () => {
    await expect(seedDemoData(db)).resolves.toEqual({ created: false });
    expect(await countAll(db)).toEqual(seededCounts);
  });

  test("[SEED] two starts at the same time seed exactly once", { timeout: TIMEOUT }, async () => {
    const admin = new pg.Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    await admin.query("CREATE DATABASE seed_race");
    await admin.end();
    const url = postgres.urlFor("seed_race");
    await deployMigrations(url);
    const [a, b] = [connect(url), connect(url)];
    extraClients.push(a, b);
    const results = await Promise.all([seedDemoData(a), seedDemoData(b)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await countAll(a)).toEqual(seededCounts);
  });
});

describe("factories", () => {
  test("[ORG-1] organizations built in parallel each get their own legal representative", { timeout: TIMEOUT }, async () => {
    const orgs = await Promise.all(Array.from({ length: 5 }, () => createOrganization(db)));
    expect(new Set(orgs.map((o) => o.name)).size).toBe(5);
    for (const org of orgs) {
      const reps = await db.membership.count({ where: { orgId: org.id, role: "LEGAL_REPRESENTATIVE" } });
      expect(reps).toBe(1);
      const product = await createProduct(db, { orgId: org.id, category: "hosting" });
      expect(product.orgId).toBe(org.id);
    }
  });
});

describe("billing demo data", () => {
  test("[BIL-5] [BIL-6] [BIL-7] paid and unpaid invoices in CHF and EUR, a saved card and Twint profile, a prepaid balance, numbering that continues after the demo invoices", async () => {
    const invoices = await db.invoice.findMany({ select: { currency: true, status: true, number: true } });
    for (const currency of ["CHF", "EUR"] as const) {
      for (const status of ["PAID", "UNPAID"] as const) expect(invoices.some((i) => i.currency === currency && i.status === status), `${status} ${currency}`).toBe(true);
    }
    const alpine = await db.organization.findFirstOrThrow({ where: { name: { startsWith: "Alpine Web" } }, include: { paymentMethods: true, prepaidEntries: true } });
    expect(alpine.paymentMethods.map((m) => m.type).sort()).toEqual(["TWINT", "VISA"]);
    expect(alpine.paymentMethods.every((m) => !m.providerToken || m.providerToken.startsWith("sbx_pm_"))).toBe(true);
    expect(alpine.prepaidEntries.reduce((sum, e) => sum + e.amountMinor, 0)).toBe(12_450);
    // A few movements: top-ups and a spend naming the invoice it paid.
    expect(alpine.prepaidEntries.map((e) => e.kind).sort()).toEqual(["SPEND", "TOPUP", "TOPUP"]);
    expect(alpine.prepaidEntries.find((e) => e.kind === "SPEND")?.invoiceId).toBeTruthy();
    const highest = Math.max(...invoices.map((i) => Number(i.number.split("-")[2])));
    const sequences = await db.invoiceSequence.findMany();
    expect(Math.max(...sequences.map((s) => s.last))).toBe(highest);
  });
});

describe("renewal demo data", () => {
  test("[BIL-8] [BIL-9] the demo Organizations' products with auto-renewal renew with their saved card; one product expires in under 14 days", async () => {
    const alpine = await db.organization.findFirstOrThrow({ where: { name: { startsWith: "Alpine Web" } }, include: { paymentMethods: true, products: true } });
    const visa = alpine.paymentMethods.find((m) => m.type === "VISA")!;
    const renewing = alpine.products.filter((p) => p.autoRenew);
    expect(renewing.length).toBeGreaterThan(1);
    expect(renewing.every((p) => p.autoRenewMethodId === visa.id)).toBe(true);
    expect(alpine.products.some((p) => !p.autoRenew && p.expiresAt > new Date() && p.expiresAt.getTime() - Date.now() < 14 * 86_400_000)).toBe(true);
  });
});
