import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { GET } from "@/app/(console)/reseller/[partnerId]/download/route";
import type { Actor } from "@/lib/access/actor";
import { hasAccess } from "@/lib/access/require-access";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changePayer } from "@/lib/partners/change-payer";
import { CLIENT_BATCH, exportClientBilling, ROW_BATCH, type BillingRow, type ExportClientBillingInput } from "@/lib/partners/export-client-billing";
import { addMember, createInvoice, createInvoices, createOrganization, createPartner, createPartnership, createProducts, createUser, unique } from "../factories";
import { asUser } from "./support/api";
import { signIn, signOut } from "./support/browser-session";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./support/browser-session")).nextHeaders);

beforeEach(signOut);

async function all(db: Db, actor: Actor, input: ExportClientBillingInput): Promise<BillingRow[]> {
  const rows: BillingRow[] = [];
  for await (const batch of exportClientBilling(db, actor, input)) rows.push(...batch);
  return rows;
}

async function code(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "ok";
  } catch (err) {
    if (err instanceof AppError) return err.code;
    if ((err as { issues?: unknown }).issues) return "INVALID_INPUT";
    throw err;
  }
}

const period = { from: "2026-01-01", to: "2026-06-30" };
const inPeriod = new Date("2026-03-15T10:00:00Z");

/**
 * A partner with a FULL client A it pays for (its user assigned to A only), a FULL client D that pays
 * itself, a LIMITED client B (one of two products granted), a second partner-paid FULL client E, and
 * another partner's client C.
 */
async function world() {
  const db = getDb();
  const partnerOrg = await createOrganization(db);
  const partner = await createPartner(db, { orgId: partnerOrg.id });
  const user = await createUser(db);
  const userM = await addMember(db, partnerOrg.id, user.id, "USER");
  const a = await createOrganization(db, { name: unique("Client A") });
  const b = await createOrganization(db, { name: unique("Client B") });
  const c = await createOrganization(db, { name: unique("Client C") });
  const d = await createOrganization(db, { name: unique("Client D") });
  const e = await createOrganization(db, { name: unique("Client E") });
  const [bGranted, bOther] = await createProducts(db, [{ orgId: b.id, name: "granted.ch" }, { orgId: b.id, name: "other.ch" }]);
  const toA = await createPartnership(db, { partnerId: partner.id, clientOrgId: a.id, access: "FULL", payer: "PARTNER", managerMembershipIds: [userM.id] });
  const toB = await createPartnership(db, { partnerId: partner.id, clientOrgId: b.id, access: "LIMITED", productIds: [bGranted.id] });
  const toD = await createPartnership(db, { partnerId: partner.id, clientOrgId: d.id, access: "FULL", payer: "CLIENT" });
  const toE = await createPartnership(db, { partnerId: partner.id, clientOrgId: e.id, access: "FULL", payer: "PARTNER" });
  const otherPartner = await createPartner(db, { orgId: (await createOrganization(db)).id });
  const toC = await createPartnership(db, { partnerId: otherPartner.id, clientOrgId: c.id, access: "FULL", payer: "PARTNER" });
  const [invA] = await createInvoices(db, [
    { org: a, issuedAt: inPeriod, status: "PAID", lines: [{ description: "=HYPERLINK(\"http://x\")", unitPriceMinor: 12_345 }, { description: "Mail, \"Pro\"", unitPriceMinor: 500 }] },
    { org: a, issuedAt: new Date("2026-07-01T00:00:00Z"), lines: [{ description: "after the period", unitPriceMinor: 100 }] },
    { org: a, issuedAt: new Date("2026-06-30T23:59:59Z"), lines: [{ description: "last day", unitPriceMinor: 100 }] },
    { org: b, issuedAt: inPeriod, lines: [{ description: "granted line", unitPriceMinor: 2000, productId: bGranted.id }, { description: "other line", unitPriceMinor: 3000, productId: bOther.id }, { description: "no product", unitPriceMinor: 50 }] },
    { org: c, issuedAt: inPeriod, lines: [{ description: "another partner's client", unitPriceMinor: 999 }] },
    { org: d, issuedAt: inPeriod, lines: [{ description: "pays itself", unitPriceMinor: 4000 }] },
    { org: e, issuedAt: inPeriod, lines: [{ description: "second paid-for client", unitPriceMinor: 800 }] },
  ]);
  for (const [org, productId] of [[a, null], [b, bGranted.id], [b, bOther.id], [c, null], [d, null]] as const) {
    await db.order.create({ data: { orgId: org.id, number: unique("ORD"), currency: org.currency, totalMinor: 700, status: "PAID", createdAt: inPeriod, lines: { create: { description: `order ${productId ?? org.name}`, amountMinor: 700, productId } } } });
  }
  for (const org of [a, b, c, d]) {
    await db.payment.create({ data: { orgId: org.id, invoiceId: org.id === a.id ? invA.id : null, methodType: "TWINT", amountMinor: 13_345, currency: org.currency, status: "SUCCEEDED", idempotencyKey: unique("pay"), createdAt: inPeriod } });
  }
  return { db, partnerOrg, partner, user, a, b, c, d, e, bGranted, bOther, toA, toB, toC, toD, toE, lead: asUser(partnerOrg.legalRepresentativeId) };
}

describe("reseller area: billing data download (PRT-8)", () => {
  test("[PRT-8] [PRT-5] clients the partner pays for give every line, clients that pay themselves (full or limited access) and another partner's client nothing; the period is whole days", async () => {
    const w = await world();
    const invoices = await all(w.db, w.lead, { partnerId: w.partner.id, history: "invoices", ...period });
    expect(invoices.map((r) => `${r.client}|${r.description}|${r.amountMinor}`).sort()).toEqual(
      [`${w.a.name}|=HYPERLINK("http://x")|12345`, `${w.a.name}|Mail, "Pro"|500`, `${w.a.name}|last day|100`, `${w.e.name}|second paid-for client|800`].sort(),
    );
    const orders = await all(w.db, w.lead, { partnerId: w.partner.id, history: "orders", ...period });
    expect(orders.map((r) => r.description)).toEqual([`order ${w.a.name}`]);
    const payments = await all(w.db, w.lead, { partnerId: w.partner.id, history: "payments", ...period });
    expect(payments).toEqual([expect.objectContaining({ client: w.a.name, status: "SUCCEEDED", amountMinor: 13_345, description: "TWINT" })]);
    // Ticked clients only; a self-paying client or another partner's partnership ticked gives nothing.
    expect((await all(w.db, w.lead, { partnerId: w.partner.id, history: "invoices", ...period, scope: "selected", client: [w.toE.id] })).map((r) => r.client)).toEqual([w.e.name]);
    for (const ticked of [w.toB, w.toC, w.toD]) {
      for (const history of ["invoices", "orders", "payments"] as const) {
        expect(await all(w.db, w.lead, { partnerId: w.partner.id, history, ...period, scope: "selected", client: ticked.id })).toEqual([]);
      }
    }
    // "all" ignores ticks that came along.
    expect(await all(w.db, w.lead, { partnerId: w.partner.id, history: "invoices", ...period, scope: "all", client: w.toE.id })).toHaveLength(4);
    // An ended partnership exports nothing more.
    await w.db.partnership.update({ where: { id: w.toE.id }, data: { status: "ENDED", endedAt: new Date() } });
    expect((await all(w.db, w.lead, { partnerId: w.partner.id, history: "invoices", ...period })).map((r) => r.client)).not.toContain(w.e.name);
  });

  test("[PRT-5] [PRT-6] the export follows who pays as the console does: the client taking the bills back takes its rows out of the file at once, and back", async () => {
    const w = await world();
    const clientsIn = async () => new Set((await all(w.db, w.lead, { partnerId: w.partner.id, history: "invoices", ...period })).map((r) => r.client));
    const readsInvoices = () => hasAccess(w.db, w.lead, w.d.id, "billing.read");
    expect(await clientsIn()).not.toContain(w.d.name);
    expect(await readsInvoices()).toBe(false);
    await changePayer(w.db, asUser(w.d.legalRepresentativeId), { orgId: w.d.id, partnershipId: w.toD.id, payer: "PARTNER" });
    expect(await clientsIn()).toContain(w.d.name);
    expect(await readsInvoices()).toBe(true);
    await changePayer(w.db, asUser(w.d.legalRepresentativeId), { orgId: w.d.id, partnershipId: w.toD.id, payer: "CLIENT" });
    expect(await clientsIn()).not.toContain(w.d.name);
    expect(await readsInvoices()).toBe(false);
  });

  test("[PRT-8] [PRT-9] a user of the partner exports only the clients assigned to them; other partners and bad periods are refused", async () => {
    const w = await world();
    const rows = await all(w.db, asUser(w.user.id), { partnerId: w.partner.id, history: "invoices", ...period });
    expect(new Set(rows.map((r) => r.client))).toEqual(new Set([w.a.name]));
    expect(await all(w.db, asUser(w.user.id), { partnerId: w.partner.id, history: "invoices", ...period, scope: "selected", client: [w.toE.id] })).toEqual([]);
    const outsider = asUser((await createUser(w.db)).id);
    expect(await code(all(w.db, outsider, { partnerId: w.partner.id, history: "invoices", ...period }))).toBe("NOT_FOUND");
    expect(await code(all(w.db, w.lead, { partnerId: w.partner.id, history: "invoices", from: "2026-02-01", to: "2026-01-31" }))).toBe("INVALID_INPUT");
    expect(await code(all(w.db, w.lead, { partnerId: w.partner.id, history: "invoices", ...period, scope: "selected" }))).toBe("INVALID_INPUT");
  });

  test("[PRT-8] 1,000 clients stream in keyset batches: a bounded number of statements, none reading more than a batch", async () => {
    const db = getDb();
    const partnerOrg = await createOrganization(db);
    const partner = await createPartner(db, { orgId: partnerOrg.id });
    const clients = await db.organization.createManyAndReturn({
      data: Array.from({ length: 1000 }, (_, i) => ({ name: `Bulk client ${String(i).padStart(4, "0")}`, entityType: "COMPANY" as const, country: "CH", currency: "CHF" as const })),
    });
    await db.partnership.createMany({ data: clients.map((c) => ({ partnerId: partner.id, clientOrgId: c.id, access: "FULL" as const, payer: "PARTNER" as const, status: "ACTIVE" as const, acceptedAt: inPeriod })) });
    // Two invoice lines per client: 2,000 rows.
    await createInvoices(
      db,
      clients.map((c) => ({ org: { ...c, vatNumber: null, vatNumberValid: false }, issuedAt: inPeriod, lines: [{ description: "Hosting", unitPriceMinor: 1000 }, { description: "Domain", unitPriceMinor: 1500 }] })),
    );
    // Another partner's client with an invoice in the period: never in the file.
    const foreign = await createOrganization(db);
    await createPartnership(db, { partnerId: (await createPartner(db, { orgId: (await createOrganization(db)).id })).id, clientOrgId: foreign.id, access: "FULL", payer: "PARTNER" });
    await createInvoice(db, { org: foreign, issuedAt: inPeriod, lines: [{ description: "foreign", unitPriceMinor: 1 }] });

    // Every read the export sends, with the rows it asked for (the real database answers them).
    const reads: { model: string; take: number | undefined }[] = [];
    const counting = db.$extends({
      query: {
        $allModels: {
          async $allOperations({ model, operation, args, query }) {
            reads.push({ model: `${model}.${operation}`, take: (args as { take?: number }).take });
            return query(args);
          },
        },
      },
    }) as unknown as Db;

    const batches = exportClientBilling(counting, asUser(partnerOrg.legalRepresentativeId), { partnerId: partner.id, history: "invoices", ...period });
    const first = await batches.next();
    // The first batch came from the first 100 clients: the other 900 were not read yet.
    expect(reads.filter((r) => r.model === "Partnership.findMany")).toHaveLength(1);
    expect(first.value).toHaveLength(2 * CLIENT_BATCH);
    const sizes = [first.value!.length];
    const names = new Set<string>(first.value!.map((r: BillingRow) => r.client));
    for await (const batch of batches) {
      sizes.push(batch.length);
      for (const r of batch) names.add(r.client);
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(ROW_BATCH);
    expect(names.size).toBe(1000);
    expect(names.has(foreign.name)).toBe(false);
    // 10 client batches (and the read that finds no more) and 10 line batches, plus the partner and the
    // membership: never one read per client.
    const lists = reads.filter((r) => r.model.endsWith("findMany"));
    expect(lists.every((r) => r.take !== undefined && r.take <= ROW_BATCH)).toBe(true);
    expect(reads.filter((r) => r.model === "Partnership.findMany")).toHaveLength(11);
    expect(reads.filter((r) => r.model === "InvoiceLine.findMany")).toHaveLength(10);
    expect(reads.length).toBeLessThanOrEqual(24);
  }, 120_000);

  test("[PRT-8] the download route answers a formula-safe CSV in the reader's language; another partner is 404; a bad period 400; signed out goes to sign-in", async () => {
    const w = await world();
    const url = (partnerId: string, query: string) => new Request(`http://localhost/reseller/${partnerId}/download?${query}`);
    const get = (partnerId: string, query: string) => GET(url(partnerId, query), { params: Promise.resolve({ partnerId }) });
    const query = `history=invoices&from=${period.from}&to=${period.to}&scope=selected&client=${w.toA.id}`;

    expect((await get(w.partner.id, query)).status).toBe(303);
    await w.db.user.update({ where: { id: w.partnerOrg.legalRepresentativeId }, data: { locale: "fr" } });
    await signIn(w.partnerOrg.legalRepresentativeId);
    const res = await get(w.partner.id, query);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="billing-invoices-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = parse(new TextDecoder().decode(new Uint8Array(await res.arrayBuffer())).replace(/^\uFEFF/, "")) as string[][];
    expect(header).toEqual(["Client", "Facture", "Date", "Statut", "Description", "ID du produit", "Monnaie", "Montant"]);
    expect(rows).toHaveLength(3);
    expect(rows).toContainEqual([w.a.name, expect.stringMatching(/^INV-/), "2026-03-15", "Payée", "'=HYPERLINK(\"http://x\")", "", "CHF", "123.45"]);
    expect(rows.flat()).not.toContain("granted line");

    const other = await createPartner(w.db, { orgId: (await createOrganization(w.db)).id });
    expect((await get(other.id, query)).status).toBe(404);
    expect((await get(other.id, "")).status).toBe(404);
    expect((await get(w.partner.id, "history=invoices&from=2026-02-01&to=2026-01-01")).status).toBe(400);
    expect((await get(w.partner.id, "history=everything&from=2026-01-01&to=2026-02-01")).status).toBe(400);
  });
});
