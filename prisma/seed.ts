/**
 * Demo data for a fresh Manager, built from the test factories. Idempotent: it runs on every start and
 * does nothing once the demo legal representative exists, so it never duplicates nor wipes data.
 */
import type { Db, Tx } from "@/lib/db";
import type { Organization, Product } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { DAY, now } from "../lib/clock";
import { cashbackAmount } from "../lib/partners/credit-cashback";
import { PARTNER_INVITATION_DAYS } from "../lib/partners/partnership-mail";
import { hashPassword } from "../lib/security/passwords";
import { hashSecret, randomSecret } from "../lib/security/tokens";
import { seedContent } from "./seed-content";
import { seedSupportRequests } from "./seed-support";
import { seedTenders } from "./seed-tenders";
import { prepareOrderSeed, seedOrders } from "./seed-orders";
import {
  addMembers,
  createInvoices,
  createOrganization,
  type OrganizationOverrides,
  createPartner,
  createPartnerApplication,
  createPartnership,
  createProducts,
  createTags,
  createTeam,
  createTotpMethod,
  createUsers,
  tagProducts,
  type InvoiceLineInput,
  type ProductInput,
  type TagColor,
} from "../tests/factories";

export const DEMO_PASSWORD = "demo-password-2026";

/**
 * SEC-3: staff enter the back office only with two-step verification, so the demo staff have an
 * authenticator app with this published secret (add it to any authenticator app, or compute its codes).
 */
export const DEMO_STAFF_TOTP_SECRET = "MANAGERDEMOSTAFFTOTPSECRETKEYABC";

export const DEMO_LOGINS = [
  { email: "owner@example.com", password: DEMO_PASSWORD, description: "Legal representative of Alpine Web Sàrl (and Atelier Dubois)" },
  { email: "admin@example.com", password: DEMO_PASSWORD, description: "Administrator of Alpine Web Sàrl" },
  { email: "anna@example.com", password: DEMO_PASSWORD, description: "User in Alpine Web's \"Web team\"" },
  { email: "luca@example.com", password: DEMO_PASSWORD, description: "User in Alpine Web's \"Web team\"" },
  { email: "jean@example.com", password: DEMO_PASSWORD, description: "Individual customer (France, EUR)" },
  { email: "partner@example.com", password: DEMO_PASSWORD, description: "Partner: Helvetic Partners AG (reseller area)" },
  { email: "nina@example.com", password: DEMO_PASSWORD, description: "User of Helvetic Partners AG, assigned to the client Alpine Web Sàrl" },
  { email: "tom@example.com", password: DEMO_PASSWORD, description: "User of Helvetic Partners AG, assigned to the client Jean Martin" },
  { email: "lena@example.com", password: DEMO_PASSWORD, description: "Legal representative of Bergblick Hotel AG, whose partner Helvetic Partners pays its bills" },
  { email: "support@example.com", password: DEMO_PASSWORD, description: "Support agent (back office)", totpSecret: DEMO_STAFF_TOTP_SECRET },
  { email: "supervisor@example.com", password: DEMO_PASSWORD, description: "Support supervisor (back office: decides identity checks)", totpSecret: DEMO_STAFF_TOTP_SECRET },
] as const satisfies readonly { email: string; password: string; description: string; totpSecret?: string }[];

const PEOPLE = [
  { email: "owner@example.com", firstName: "Claire", lastName: "Dubois", locale: "fr" },
  { email: "admin@example.com", firstName: "Marco", lastName: "Rossi", locale: "it" },
  { email: "anna@example.com", firstName: "Anna", lastName: "Keller", locale: "de" },
  { email: "luca@example.com", firstName: "Luca", lastName: "Bianchi", locale: "en" },
  { email: "jean@example.com", firstName: "Jean", lastName: "Martin", locale: "fr", timeZone: "Europe/Paris" },
  { email: "partner@example.com", firstName: "Sven", lastName: "Meier", locale: "de" },
  { email: "nina@example.com", firstName: "Nina", lastName: "Huber", locale: "de" },
  { email: "tom@example.com", firstName: "Tom", lastName: "Weber", locale: "en" },
  { email: "lena@example.com", firstName: "Lena", lastName: "Schmid", locale: "de" },
  { email: "support@example.com", firstName: "Sam", lastName: "Support", locale: "en", staffRole: "SUPPORT" },
  { email: "supervisor@example.com", firstName: "Sarah", lastName: "Supervisor", locale: "en", staffRole: "SUPERVISOR" },
] as const;

type OrgKey = "alpine" | "atelier" | "jean" | "helvetic" | "bergblick";
type DemoOrg = Organization & { legalRepresentativeMembershipId: string };
type DemoOrgs = Record<OrgKey, DemoOrg>;

// Created in this order, so the owner lands on Alpine Web first (ACC-6).
const ORGS: Record<OrgKey, OrganizationOverrides & { owner: string }> = {
  alpine: {
    name: "Alpine Web Sàrl", entityType: "COMPANY", country: "CH", currency: "CHF", owner: "owner@example.com",
    street: "Rue du Lac 12", postalCode: "1003", city: "Lausanne", website: "https://alpine-web.ch",
  },
  atelier: {
    name: "Atelier Dubois", entityType: "COMPANY", country: "CH", currency: "CHF", owner: "owner@example.com",
    street: "Chemin des Vignes 3", postalCode: "1800", city: "Vevey",
  },
  jean: {
    name: "Jean Martin", entityType: "INDIVIDUAL", country: "FR", currency: "EUR", owner: "jean@example.com",
    street: "12 rue des Lilas", postalCode: "69003", city: "Lyon",
  },
  helvetic: {
    name: "Helvetic Partners AG", entityType: "COMPANY", country: "CH", currency: "CHF", owner: "partner@example.com",
    street: "Bahnhofstrasse 50", postalCode: "8001", city: "Zürich", website: "https://helvetic-partners.ch",
  },
  // PRT-5: a client under full access whose partner pays.
  bergblick: {
    name: "Bergblick Hotel AG", entityType: "COMPANY", country: "CH", currency: "CHF", owner: "lena@example.com",
    street: "Dorfstrasse 7", postalCode: "3920", city: "Zermatt", website: "https://bergblick-hotel.ch",
  },
};

const ALPINE_MEMBERS: { email: string; role: Role }[] = [
  { email: "admin@example.com", role: "ADMINISTRATOR" },
  { email: "anna@example.com", role: "USER" },
  { email: "luca@example.com", role: "USER" },
];

const ROCHAT = { holderName: "Boulangerie Rochat SA", holderEmail: "rochat@example.com" };

type Extras = Partial<ProductInput>;
// [managing Organization, name, category, days until expiry, renewal months, price (minor units), extras]
type Row = [OrgKey, string, ProductInput["category"], number, number, number, Extras?];

const PRODUCTS: Row[] = [
  ["alpine", "alpine-web.ch", "domain", 210, 12, 1500, { autoRenew: true }],
  ["alpine", "alpine-web.com", "domain", 9, 12, 1800],
  ["alpine", "alpineweb.swiss", "domain", 330, 24, 7800],
  ["alpine", "boulangerie-rochat.ch", "domain", 45, 12, 1500, { ...ROCHAT, autoRenew: true }],
  ["alpine", "cafe-du-lac.ch", "domain", 60, 12, 1500, { holderName: "Café du Lac Sàrl", holderEmail: "cafe@example.com" }],
  ["alpine", "Web hosting alpine-web.ch", "hosting", 210, 12, 12000, { autoRenew: true }],
  ["alpine", "Web hosting boulangerie-rochat.ch", "hosting", -20, 12, 9600, { ...ROCHAT, status: "BLOCKED" }],
  ["alpine", "Mail alpine-web.ch", "mail", 5, 12, 6000],
  ["alpine", "Mail boulangerie-rochat.ch", "mail", 90, 1, 500, { ...ROCHAT, autoRenew: true }],
  ["alpine", "Drive Alpine Web", "drive", 120, 12, 19900, { autoRenew: true }],
  ["alpine", "Chat Alpine Web", "chat", 280, 12, 4800],
  ["alpine", "Newsletter Alpine Web", "newsletter", -4, 12, 9000],
  ["atelier", "atelier-dubois.ch", "domain", 150, 12, 1500],
  ["atelier", "Web hosting atelier-dubois.ch", "hosting", 150, 12, 6000, { autoRenew: true }],
  // Due in the next weeks, so every demo Organization has something on its payments page (BIL-2).
  ["atelier", "atelier-dubois.swiss", "domain", 25, 12, 3900],
  ["jean", "jean-martin.fr", "domain", 30, 12, 1200, { autoRenew: true }],
  // Paying does not make the partner the holder (PRD-2): the product stays Jean's.
  ["jean", "Web hosting jean-martin.fr", "hosting", 30, 12, 8900],
  ["jean", "Mail jean-martin.fr", "mail", 12, 12, 3600],
  ["jean", "Drive Jean Martin", "drive", 250, 12, 9900],
  ["jean", "photos-martin.fr", "domain", 180, 12, 1200, { holderName: "Sophie Martin", holderEmail: "sophie@example.com" }],
  ["helvetic", "helvetic-partners.ch", "domain", 100, 12, 1500, { autoRenew: true }],
  ["helvetic", "Web hosting helvetic-partners.ch", "hosting", 100, 12, 12000, { autoRenew: true }],
  ["helvetic", "Mail helvetic-partners.ch", "mail", 35, 12, 6000],
  // Its partner pays: the reminders of what falls due go to the partner (PRT-5, BIL-10).
  ["bergblick", "bergblick-hotel.ch", "domain", 20, 12, 1500],
  ["bergblick", "Web hosting bergblick-hotel.ch", "hosting", 160, 12, 12000],
];

const TEAM_PRODUCTS = ["alpine-web.ch", "Web hosting alpine-web.ch", "cafe-du-lac.ch", "Newsletter Alpine Web"];
const LIMITED_PARTNER_PRODUCTS = ["jean-martin.fr", "Web hosting jean-martin.fr"];

const ALPINE_TAGS: [string, TagColor, string[]][] = [
  ["production", "green", ["alpine-web.ch", "Web hosting alpine-web.ch", "Mail alpine-web.ch"]],
  ["client-x", "indigo", ["boulangerie-rochat.ch", "Web hosting boulangerie-rochat.ch", "Mail boulangerie-rochat.ch"]],
  ["to review", "amber", ["alpine-web.com", "Newsletter Alpine Web", "Web hosting boulangerie-rochat.ch"]],
  ["staging", "slate", []],
];

const day = (offset: number) => new Date(now().getTime() + offset * DAY);

const seeded = (db: Db | Tx) => db.user.findUnique({ where: { email: PEOPLE[0].email }, select: { id: true } });

export async function seedDemoData(db: Db): Promise<{ created: boolean }> {
  if (await seeded(db)) return { created: false };
  // Everyone shares the published demo password: one argon2 run instead of seven, and outside the
  // transaction so it is not held open while hashing.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prepareOrderSeed(db);
  return db.$transaction(
    async (tx) => {
      // Two processes starting at once queue here; the second then sees the data and stops.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('manager:seed-demo-data'))`;
      if (await seeded(tx)) return { created: false };
      await seedEverything(tx, passwordHash);
      return { created: true };
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

async function seedEverything(tx: Tx, passwordHash: string) {
  const users = await createUsers(tx, PEOPLE.map((p) => ({ ...p, passwordHash })));
  const userId = (email: string) => (users.find((u) => u.email === email) as { id: string }).id;
  for (const staff of users.filter((u) => u.staffRole)) await createTotpMethod(tx, staff.id, DEMO_STAFF_TOTP_SECRET, "Demo authenticator");
  const orgs = await seedOrganizations(tx, userId);
  const members = await addMembers(tx, orgs.alpine.id, ALPINE_MEMBERS.map((m) => ({ userId: userId(m.email), role: m.role })));
  const products = await seedProducts(tx, orgs);
  await createTeam(tx, {
    orgId: orgs.alpine.id,
    name: "Web team",
    membershipIds: members.filter((m) => m.role === "USER").map((m) => m.id),
    productIds: ids(products, ...TEAM_PRODUCTS),
  });
  await seedTags(tx, orgs.alpine.id, products);
  await seedInvoices(tx, orgs, products);
  await seedOrders(tx, orgs.alpine, products, userId(ORGS.alpine.owner));
  await seedPartner(tx, orgs, products, userId);
  await seedContent(tx, products);
  await seedSupportRequests(tx, orgs.alpine.id, products, userId);
}

async function seedOrganizations(tx: Tx, userId: (email: string) => string): Promise<DemoOrgs> {
  const orgs: Partial<DemoOrgs> = {};
  for (const [key, { owner, ...fields }] of Object.entries(ORGS) as [OrgKey, (typeof ORGS)[OrgKey]][]) {
    orgs[key] = await createOrganization(tx, { ...fields, contactEmail: owner, legalRepresentativeId: userId(owner) });
  }
  return orgs as DemoOrgs;
}

async function seedProducts(tx: Tx, orgs: DemoOrgs): Promise<Map<string, Product>> {
  const rows = PRODUCTS.map(([key, name, category, days, renewalPeriodMonths, priceMinor, overrides = {}]) => {
    const org = orgs[key];
    return {
      orgId: org.id, name, category, renewalPeriodMonths, priceMinor, currency: org.currency,
      holderName: org.name, expiresAt: day(days),
      // Blocked two weeks after expiry, as unpaid services are (BIL-1).
      blockedAt: overrides.status === "BLOCKED" ? day(days + 14) : null,
      ...overrides,
    };
  });
  const products = await createProducts(tx, rows);
  return new Map(products.map((p) => [p.name, p]));
}

async function seedTags(tx: Tx, orgId: string, products: Map<string, Product>) {
  const tags = await createTags(tx, ALPINE_TAGS.map(([name, color]) => ({ orgId, name, color })));
  const tagId = (name: string) => (tags.find((t) => t.name === name) as { id: string }).id;
  const pairs = ALPINE_TAGS.flatMap(([name, , names]) => ids(products, ...names).map((productId) => ({ productId, tagId: tagId(name) })));
  await tagProducts(tx, pairs);
}

async function seedInvoices(tx: Tx, { alpine, jean, helvetic, bergblick }: DemoOrgs, products: Map<string, Product>) {
  const line = (name: string, periodMonths = 12): InvoiceLineInput => {
    const product = products.get(name) as Product;
    return { description: `${name} — renewal`, productId: product.id, unitPriceMinor: product.priceMinor, periodMonths };
  };
  let sequence = 120;
  const invoice = (org: Organization, issued: number, due: number, paid: boolean, lines: InvoiceLineInput[]) => ({
    org, lines, number: `INV-${day(issued).getUTCFullYear()}-${String(++sequence).padStart(6, "0")}`,
    issuedAt: day(issued), dueAt: day(due), status: paid ? ("PAID" as const) : ("UNPAID" as const),
    paidAt: paid ? day(issued + 3) : null,
  });
  const created = await createInvoices(tx, [
    invoice(alpine, -300, -270, true, [line("alpine-web.ch"), line("Web hosting alpine-web.ch")]),
    invoice(alpine, -90, -60, true, [line("Drive Alpine Web"), line("Mail boulangerie-rochat.ch", 1)]),
    // Unpaid past its due date: the reason the hosting is blocked (BIL-1).
    invoice(alpine, -34, -20, false, [line("Web hosting boulangerie-rochat.ch")]),
    invoice(alpine, -2, 28, false, [line("Newsletter Alpine Web")]),
    invoice(jean, -200, -170, true, [line("Drive Jean Martin")]),
    invoice(jean, -1, 11, false, [line("Mail jean-martin.fr")]),
    // The partner's own invoice for a client product it pays for (PRD-2).
    invoice(helvetic, -330, -300, true, [line("Web hosting jean-martin.fr"), line("helvetic-partners.ch")]),
    // Bergblick's own invoice, paid before its partner took over the bills: the partner reads it now (PRT-5).
    invoice(bergblick, -250, -220, true, [line("bergblick-hotel.ch"), line("Web hosting bergblick-hotel.ch")]),
  ]);
  // The yearly sequences continue after the demo numbers, so the next invoice issued gets the next one (BIL-7).
  const years = new Map<number, number>();
  for (const { number } of created) {
    const [, year, n] = number.split("-");
    years.set(Number(year), Math.max(years.get(Number(year)) ?? 0, Number(n)));
  }
  for (const [year, last] of years) {
    await tx.invoiceSequence.upsert({ where: { kind_year: { kind: "INVOICE", year } }, create: { kind: "INVOICE", year, last }, update: { last } });
  }
  // Saved payment methods as the operator returned them (BIL-5): brand, last 4, expiry and its token only.
  const expYear = day(0).getUTCFullYear() + 2;
  const methods = await tx.paymentMethod.createManyAndReturn({
    data: [
      { orgId: alpine.id, type: "VISA", label: "Visa •••• 4242", last4: "4242", expMonth: 12, expYear, providerToken: "sbx_pm_demo_alpine_visa", isDefault: true },
      { orgId: alpine.id, type: "TWINT", label: "Twint", providerToken: "sbx_pm_demo_alpine_twint" },
      { orgId: jean.id, type: "MASTERCARD", label: "MasterCard •••• 4444", last4: "4444", expMonth: 6, expYear, providerToken: "sbx_pm_demo_jean_mc", isDefault: true },
    ],
  });
  // The products with auto-renewal renew with the Organization's saved card (BIL-8, BIL-9).
  for (const method of methods.filter((m) => m.isDefault)) {
    await tx.product.updateMany({ where: { orgId: method.orgId, autoRenew: true }, data: { autoRenewMethodId: method.id } });
  }
  // A prepaid balance (BIL-5, BIL-6): CHF 100.00 and 50.00 topped up, CHF 25.50 of a paid invoice paid from it.
  await tx.prepaidEntry.createMany({
    data: [
      { orgId: alpine.id, kind: "TOPUP", amountMinor: 10_000, currency: alpine.currency, createdAt: day(-120) },
      { orgId: alpine.id, kind: "SPEND", amountMinor: -2_550, currency: alpine.currency, invoiceId: created[1]!.id, createdAt: day(-87) },
      { orgId: alpine.id, kind: "TOPUP", amountMinor: 5_000, currency: alpine.currency, createdAt: day(-60) },
    ],
  });
}

async function seedPartner(tx: Tx, { alpine, atelier, jean, helvetic, bergblick }: DemoOrgs, products: Map<string, Product>, userId: (email: string) => string) {
  // PRT-1: listed in the public directory with its region and specialities.
  const partner = await createPartner(tx, {
    orgId: helvetic.id, displayName: helvetic.name, contactEmail: ORGS.helvetic.owner,
    website: "https://helvetic-partners.ch", tradeRegisterNumber: "CHE-116.281.710", benefitRateBp: 2500,
    region: "CH_GERMAN", specialities: ["wordpress", "ecommerce", "email"],
  });
  // PRT-9: two of the partner's own users, each assigned to one client (its legal representative manages all).
  const [nina, tom] = await addMembers(tx, helvetic.id, [{ userId: userId("nina@example.com") }, { userId: userId("tom@example.com") }]);
  const common = { partnerId: partner.id };
  await createPartnership(tx, { ...common, clientOrgId: alpine.id, access: "FULL", payer: "CLIENT", managerMembershipIds: [helvetic.legalRepresentativeMembershipId, nina.id] });
  await createPartnership(tx, {
    ...common, clientOrgId: jean.id, access: "LIMITED", productIds: ids(products, ...LIMITED_PARTNER_PRODUCTS),
    managerMembershipIds: [helvetic.legalRepresentativeMembershipId, tom.id],
  });
  // PRT-5: full access where the partner pays: it reads Bergblick's billing and its legal representative manages it.
  await createPartnership(tx, { ...common, clientOrgId: bergblick.id, access: "FULL", payer: "PARTNER" });
  // PRT-1: Atelier Dubois applied to the partner programme; the back office has it to review.
  await createPartnerApplication(tx, {
    orgId: atelier.id, applicantId: userId("owner@example.com"), applicantEmail: "owner@example.com", companyName: "Atelier Dubois",
    country: "CH", tradeRegisterNumber: "CHE-123.456.788", website: "https://atelier-dubois.ch", yearlyVolumeMinor: 350_000, currency: "CHF",
    createdAt: day(-2),
  });
  await seedTenders(tx, partner.id);
  // PRT-5: Alpine Web pays its own invoices; each paid one earned the partner its cashback on the subtotal.
  const paid = await tx.invoice.findMany({ where: { orgId: alpine.id, status: "PAID" }, orderBy: { number: "asc" } });
  await tx.partnerCashback.createMany({
    data: paid.map((i) => ({ partnerId: partner.id, clientOrgId: alpine.id, invoiceId: i.id, amountMinor: cashbackAmount(i.subtotalMinor, partner.benefitRateBp), currency: i.currency, createdAt: i.paidAt ?? i.issuedAt })),
  });
  // PRT-4: Atelier Dubois has invited the partner (limited access to its domain), not answered yet. Nobody
  // holds the link's secret: "Send again" on the Partners page mails a working one.
  const pending = await createPartnership(tx, {
    partnerId: partner.id, clientOrgId: atelier.id, access: "LIMITED", productIds: ids(products, "atelier-dubois.ch"), status: "PENDING",
  });
  await tx.partnership.update({
    where: { id: pending.id },
    data: { tokenHash: hashSecret(randomSecret()), expiresAt: new Date(now().getTime() + PARTNER_INVITATION_DAYS * DAY), invitedById: (await tx.membership.findUniqueOrThrow({ where: { id: atelier.legalRepresentativeMembershipId } })).userId },
  });
}

function ids(products: Map<string, Product>, ...names: string[]): string[] {
  return names.map((name) => (products.get(name) as Product).id);
}
