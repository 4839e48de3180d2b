import { describe, expect, test } from "vitest";
import * as accountInvoicePdf from "@/app/api/[version]/accounts/[account_id]/invoices/[id]/pdf/route";
import * as accountInvoice from "@/app/api/[version]/accounts/[account_id]/invoices/[id]/route";
import * as accountInvoices from "@/app/api/[version]/accounts/[account_id]/invoices/route";
import { hasAccess } from "@/lib/access/require-access";
import { getDb } from "@/lib/db";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { invoicesOfYear } from "@/lib/invoices/invoices-of-year";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { listOrders } from "@/lib/orders/list-orders";
import { placeRenewalOrder } from "@/lib/orders/place-renewal-order";
import { changePayer } from "@/lib/partners/change-payer";
import { listPayments } from "@/lib/payments/list-payments";
import { listRenewals } from "@/lib/payments/list-renewals";
import { addMember, createInvoice, createOrganization, createUser, createPartner, createPartnership, createProducts, createRawApiToken } from "../factories";
import { asUser } from "./support/api";

const outcome = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = (handler: Handler, url: string, token: string, params: Record<string, string>) =>
  handler(new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ version: "1", ...params }) });

/** A Swiss client with an invoice, and a partner with full access where the client pays. */
async function world() {
  const db = getDb();
  const client = await createOrganization(db, { country: "CH" });
  const partnerOrg = await createOrganization(db, { country: "CH" });
  const partner = await createPartner(db, { orgId: partnerOrg.id });
  const partnership = await createPartnership(db, { partnerId: partner.id, clientOrgId: client.id, access: "FULL", payer: "CLIENT" });
  const invoice = await createInvoice(db, { org: client, issuedAt: new Date("2026-02-10T10:00:00Z") });
  const [domain] = await createProducts(db, [{ orgId: client.id, name: "client-pays.ch", category: "domain", priceMinor: 2000 }]);
  return { db, client, partnerOrg, partnership, invoice, domain: domain!, owner: asUser(client.legalRepresentativeId), partnerLead: asUser(partnerOrg.legalRepresentativeId) };
}
type World = Awaited<ReturnType<typeof world>>;

/** What the partner's lead gets from each way of reading the client's invoices. */
async function invoiceReads(w: World) {
  return {
    list: await outcome(listInvoices(w.db, w.partnerLead, { orgId: w.client.id })),
    detail: await outcome(getInvoice(w.db, w.partnerLead, { orgId: w.client.id, invoiceId: w.invoice.id })),
    // The PDF download and the year's ZIP of PDFs both read through these services.
    yearArchive: await outcome(invoicesOfYear(w.db, w.partnerLead, { orgId: w.client.id, year: "2026" })),
    orders: await outcome(listOrders(w.db, w.partnerLead, { orgId: w.client.id })),
    payments: await outcome(listPayments(w.db, w.partnerLead, { orgId: w.client.id })),
  };
}

describe("the client's invoices and the partner (PRT-5)", () => {
  test("[PRT-5] while the client pays, a FULL partner cannot read the client's invoices, orders or payments — list, detail, PDF/ZIP, REST — yet still orders for it; once the partner pays it reads them again", async () => {
    const w = await world();
    const refused = { list: "FORBIDDEN", detail: "FORBIDDEN", yearArchive: "FORBIDDEN", orders: "FORBIDDEN", payments: "FORBIDDEN" };
    expect(await invoiceReads(w)).toEqual(refused);
    expect(await hasAccess(w.db, w.partnerLead, w.client.id, "billing.read")).toBe(false);
    // PRT-5: the partner still orders and renews for the client, who is invoiced.
    const placed = await placeRenewalOrder(w.db, w.partnerLead, { orgId: w.client.id, idempotencyKey: crypto.randomUUID(), method: "CARD", productIds: [w.domain.id], months: [12] });
    expect(placed.orgId).toBe(w.client.id);
    expect(await outcome(getInvoice(w.db, w.partnerLead, { orgId: w.client.id, invoiceId: placed.invoiceId }))).toBe("FORBIDDEN");
    // The client itself still reads them.
    expect((await listInvoices(w.db, w.owner, { orgId: w.client.id })).items.map((i) => i.id)).toEqual(expect.arrayContaining([w.invoice.id, placed.invoiceId]));

    // The REST API: list, detail and PDF answer 404 to the partner's token.
    const token = await createRawApiToken(w.db, { userId: w.partnerOrg.legalRepresentativeId, orgIds: [w.client.id], name: "partner" });
    const base = `/api/1/accounts/${w.client.id}/invoices`;
    expect((await call(accountInvoices.GET, base, token, { account_id: w.client.id })).status).toBe(404);
    expect((await call(accountInvoice.GET, `${base}/${w.invoice.id}`, token, { account_id: w.client.id, id: w.invoice.id })).status).toBe(404);
    expect((await call(accountInvoicePdf.GET, `${base}/${w.invoice.id}/pdf`, token, { account_id: w.client.id, id: w.invoice.id })).status).toBe(404);

    // PRT-6: the client makes the partner pay: the partner reads the client's billing again.
    await changePayer(w.db, w.owner, { orgId: w.client.id, partnershipId: w.partnership.id, payer: "PARTNER" });
    expect(await invoiceReads(w)).toEqual({ list: "ok", detail: "ok", yearArchive: "ok", orders: "ok", payments: "ok" });
    // And back: refused again at once.
    await changePayer(w.db, w.owner, { orgId: w.client.id, partnershipId: w.partnership.id, payer: "CLIENT" });
    expect(await invoiceReads(w)).toEqual(refused);
  });

  test("[PRT-5] [BIL-2] while the client pays, a FULL partner sees the products to renew (expiry, period, public price) and orders a renewal that waits in the client's pending orders; it reads no invoice, a USER of the client still sees no renewal list", async () => {
    const w = await world();
    const list = await listRenewals(w.db, w.partnerLead, { orgId: w.client.id, all: "1" });
    expect(list.items.map((i) => i.id)).toContain(w.domain.id);
    expect(list).toMatchObject({ canPay: true, readsBilling: false });
    expect(list.items.find((i) => i.id === w.domain.id)).toMatchObject({ name: "client-pays.ch", priceMinor: 2000 });
    // The client itself reads the links to its invoices and renewal settings.
    expect((await listRenewals(w.db, w.owner, { orgId: w.client.id })).readsBilling).toBe(true);

    const placed = await placeRenewalOrder(w.db, w.partnerLead, { orgId: w.client.id, idempotencyKey: crypto.randomUUID(), method: "CARD", productIds: [w.domain.id], months: [12] });
    expect(placed.orgId).toBe(w.client.id);
    expect(await hasAccess(w.db, w.partnerLead, placed.orgId, "billing.read")).toBe(false);
    // BIL-4: the client finds it among its pending orders and pays it.
    const pending = await listOrders(w.db, w.owner, { orgId: w.client.id });
    expect(JSON.stringify(pending)).toContain(placed.orderId);

    const user = await createUser(w.db);
    await addMember(w.db, w.client.id, user.id, "USER");
    expect(await outcome(listRenewals(w.db, asUser(user.id), { orgId: w.client.id }))).toBe("FORBIDDEN");
  });
});
