/**
 * Demo data for a fresh Manager, built from the test factories. Idempotent: it runs on every start and
 * does nothing once the demo legal representative exists, so it never duplicates nor wipes data.
 */
import type { Db, Tx } from "@/lib/db";
import type { Organization, Product } from "@/lib/generated/prisma/client";
import { DAY, now } from "../lib/clock";
import { hashPassword } from "../lib/security/passwords";
import {
  addMembers,
  createInvoices,
  createOrganization,
  createPartner,
  createPartnership,
  createProducts,
  createTags,
  createTeam,
  createUsers,
  tagProducts,
  type InvoiceLineInput,
  type ProductInput,
  type TagColor,
} from "../tests/factories";

export const DEMO_PASSWORD = "demo-password-2026";

export const DEMO_LOGINS = [
  { email: "owner@example.com", password: DEMO_PASSWORD, description: "Legal representative of Alpine Web Sàrl (and Atelier Dubois)" },
  { email: "admin@example.com", password: DEMO_PASSWORD, description: "Administrator of Alpine Web Sàrl" },
  { email: "anna@example.com", password: DEMO_PASSWORD, description: "User in Alpine Web's \"Web team\"" },
  { email: "luca@example.com", password: DEMO_PASSWORD, description: "User in Alpine Web's \"Web team\"" },
  { email: "jean@example.com", password: DEMO_PASSWORD, description: "Individual customer (France, EUR)" },
  { email: "partner@example.com", password: DEMO_PASSWORD, description: "Partner: Helvetic Partners AG (reseller area)" },
  { email: "support@example.com", password: DEMO_PASSWORD, description: "Support agent (back office)" },
] as const;

const PEOPLE = [
  { email: "owner@example.com", firstName: "Claire", lastName: "Dubois", locale: "fr" },
  { email: "admin@example.com", firstName: "Marco", lastName: "Rossi", locale: "it" },
  { email: "anna@example.com", firstName: "Anna", lastName: "Keller", locale: "de" },
  { email: "luca@example.com", firstName: "Luca", lastName: "Bianchi", locale: "en" },
  { email: "jean@example.com", firstName: "Jean", lastName: "Martin", locale: "fr", timeZone: "Europe/Paris" },
  { email: "partner@example.com", firstName: "Sven", lastName: "Meier", locale: "de" },
  { email: "support@example.com", firstName: "Sam", lastName: "Support", locale: "en", staffRole: "SUPPORT" },
] as const;

const ROCHAT = { holderName: "Boulangerie Rochat SA", holderEmail: "rochat@example.com" };

// [name, category, days until expiry, renewal months, price (minor units), extras]
type Row = [string, ProductInput["category"], number, number, number, Partial<ProductInput>?];

const ALPINE_PRODUCTS: Row[] = [
  ["alpine-web.ch", "domain", 210, 12, 1500, { autoRenew: true }],
  ["alpine-web.com", "domain", 9, 12, 1800],
  ["alpineweb.swiss", "domain", 330, 24, 7800],
  ["boulangerie-rochat.ch", "domain", 45, 12, 1500, { ...ROCHAT, autoRenew: true }],
  ["cafe-du-lac.ch", "domain", 60, 12, 1500, { holderName: "Café du Lac Sàrl", holderEmail: "cafe@example.com" }],
  ["Web hosting alpine-web.ch", "hosting", 210, 12, 12000, { autoRenew: true }],
  ["Web hosting boulangerie-rochat.ch", "hosting", -20, 12, 9600, { ...ROCHAT, status: "BLOCKED" }],
  ["Mail alpine-web.ch", "mail", 5, 12, 6000],
  ["Mail boulangerie-rochat.ch", "mail", 90, 1, 500, { ...ROCHAT, autoRenew: true }],
  ["Drive Alpine Web", "drive", 120, 12, 19900, { autoRenew: true }],
  ["Chat Alpine Web", "chat", 280, 12, 4800],
  ["Newsletter Alpine Web", "newsletter", -4, 12, 9000],
];
const ATELIER_PRODUCTS: Row[] = [
  ["atelier-dubois.ch", "domain", 150, 12, 1500],
  ["Web hosting atelier-dubois.ch", "hosting", 150, 12, 6000, { autoRenew: true }],
];
const JEAN_PRODUCTS: Row[] = [
  ["jean-martin.fr", "domain", 30, 12, 1200, { autoRenew: true }],
  ["Web hosting jean-martin.fr", "hosting", 30, 12, 8900],
  ["Mail jean-martin.fr", "mail", 12, 12, 3600],
  ["Drive Jean Martin", "drive", 250, 12, 9900],
  ["photos-martin.fr", "domain", 180, 12, 1200, { holderName: "Sophie Martin", holderEmail: "sophie@example.com" }],
];
/** Paying does not make the partner the holder (PRD-2): the product stays Jean's. */
const PAID_BY_PARTNER = "Web hosting jean-martin.fr";
const PARTNER_PRODUCTS: Row[] = [
  ["helvetic-partners.ch", "domain", 100, 12, 1500, { autoRenew: true }],
  ["Web hosting helvetic-partners.ch", "hosting", 100, 12, 12000, { autoRenew: true }],
];

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
  const [owner, admin, anna, luca, jean, sven] = users;
  const alpine = await createOrganization(tx, {
    ...address("Alpine Web Sàrl", "Rue du Lac 12", "1003", "Lausanne"),
    entityType: "COMPANY", country: "CH", currency: "CHF", contactEmail: owner.email,
    website: "https://alpine-web.ch", legalRepresentativeId: owner.id,
  });
  const atelier = await createOrganization(tx, {
    ...address("Atelier Dubois", "Chemin des Vignes 3", "1800", "Vevey"),
    entityType: "COMPANY", country: "CH", currency: "CHF", legalRepresentativeId: owner.id,
  });
  const jeanOrg = await createOrganization(tx, {
    ...address("Jean Martin", "12 rue des Lilas", "69003", "Lyon"),
    entityType: "INDIVIDUAL", country: "FR", currency: "EUR", contactEmail: jean.email, legalRepresentativeId: jean.id,
  });
  const helvetic = await createOrganization(tx, {
    ...address("Helvetic Partners AG", "Bahnhofstrasse 50", "8001", "Zürich"),
    entityType: "COMPANY", country: "CH", currency: "CHF", website: "https://helvetic-partners.ch",
    contactEmail: sven.email, legalRepresentativeId: sven.id,
  });
  const [, annaMember, lucaMember] = await addMembers(tx, alpine.id, [
    { userId: admin.id, role: "ADMINISTRATOR", contactPrefs: ["TECHNICAL"] },
    { userId: anna.id, role: "USER" },
    { userId: luca.id, role: "USER" },
  ]);

  const products = byName(
    await createProducts(tx, [
      ...ALPINE_PRODUCTS.map((r) => productRow(alpine, r)),
      ...ATELIER_PRODUCTS.map((r) => productRow(atelier, r)),
      ...JEAN_PRODUCTS.map((r) => ({
        ...productRow(jeanOrg, r),
        payerOrgId: r[0] === PAID_BY_PARTNER ? helvetic.id : null,
      })),
      ...PARTNER_PRODUCTS.map((r) => productRow(helvetic, r)),
    ]),
  );
  await createTeam(tx, {
    orgId: alpine.id,
    name: "Web team",
    membershipIds: [annaMember.id, lucaMember.id],
    productIds: ids(products, "alpine-web.ch", "Web hosting alpine-web.ch", "cafe-du-lac.ch", "Newsletter Alpine Web"),
  });
  await seedTags(tx, alpine.id, products);
  await seedInvoices(tx, { alpine, jeanOrg, helvetic }, products);

  const partner = await createPartner(tx, {
    orgId: helvetic.id, displayName: "Helvetic Partners AG", contactEmail: sven.email,
    website: "https://helvetic-partners.ch", tradeRegisterNumber: "CHE-123.456.789", benefitRateBp: 2500,
  });
  const managerMembershipIds = [helvetic.legalRepresentativeMembershipId];
  await createPartnership(tx, { partnerId: partner.id, clientOrgId: alpine.id, access: "FULL", payer: "CLIENT", managerMembershipIds });
  await createPartnership(tx, {
    partnerId: partner.id, clientOrgId: jeanOrg.id, access: "LIMITED", managerMembershipIds,
    productIds: ids(products, "jean-martin.fr", "Web hosting jean-martin.fr"),
  });
}

function address(name: string, street: string, postalCode: string, city: string) {
  return { name, street, postalCode, city };
}

function productRow(org: Organization, row: Row): ProductInput {
  const [name, category, days, renewalPeriodMonths, priceMinor, extras = {}] = row;
  const status = extras.status ?? "ACTIVE";
  return {
    orgId: org.id, name, category, renewalPeriodMonths, priceMinor, currency: org.currency,
    holderName: org.name, expiresAt: day(days),
    blockedAt: status === "BLOCKED" ? day(days + 14) : null,
    ...extras,
  };
}

async function seedTags(tx: Tx, orgId: string, products: Map<string, Product>) {
  const tags = await createTags(tx, ALPINE_TAGS.map(([name, color]) => ({ orgId, name, color })));
  const pairs = ALPINE_TAGS.flatMap(([, , names], i) => ids(products, ...names).map((productId) => ({ productId, tagId: tags[i].id })));
  await tagProducts(tx, pairs);
}

type DemoOrgs = Record<"alpine" | "jeanOrg" | "helvetic", Organization>;

async function seedInvoices(tx: Tx, { alpine, jeanOrg, helvetic }: DemoOrgs, products: Map<string, Product>) {
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
  await createInvoices(tx, [
    invoice(alpine, -300, -270, true, [line("alpine-web.ch"), line("Web hosting alpine-web.ch")]),
    invoice(alpine, -90, -60, true, [line("Drive Alpine Web"), line("Mail boulangerie-rochat.ch", 1)]),
    invoice(alpine, -34, -20, false, [line("Web hosting boulangerie-rochat.ch")]),
    invoice(alpine, -2, 28, false, [line("Newsletter Alpine Web")]),
    invoice(jeanOrg, -200, -170, true, [line("Drive Jean Martin")]),
    invoice(jeanOrg, -1, 11, false, [line("Mail jean-martin.fr")]),
    // The partner's own invoice for a client product it pays for (PRD-2).
    invoice(helvetic, -330, -300, true, [line("Web hosting jean-martin.fr"), line("helvetic-partners.ch")]),
  ]);
}

function byName(products: Product[]) {
  return new Map(products.map((p) => [p.name, p]));
}

function ids(products: Map<string, Product>, ...names: string[]): string[] {
  return names.map((name) => (products.get(name) as Product).id);
}
