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
import { startInvoicePayment } from "@/lib/payments/start-invoice-payment";
import { dashboardSummary } from "@/lib/orgs/dashboard-summary";
import { resendUnblockProcedure } from "@/lib/orders/resend-unblock-procedure";
import { startOrderPayment } from "@/lib/orders/start-order-payment";
import { payFromPrepaid } from "@/lib/prepaid/pay-from-prepaid";
import { startIbanTopUp } from "@/lib/prepaid/start-iban-top-up";
import { startTopUp } from "@/lib/prepaid/start-top-up";
import { setAutoRenewal } from "@/lib/renewals/set-auto-renewal";
import { updateBillingMessages } from "@/lib/renewals/update-billing-messages";
import { addMember, createInvoice, createOrder, createOrganization, createUser, createPartner, createPartnership, createProducts, createRawApiToken } from "../factories";
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
    const placed = await placeRenewalOrder(w.db, w.partnerLead, { orgId: w.client.id, idempotencyKey: crypto.randomUUID(), productIds: [w.domain.id], months: [12] });
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
    expect(list).toMatchObject({ canPay: false, readsBilling: false });
    expect(list.items.find((i) => i.id === w.domain.id)).toMatchObject({ name: "client-pays.ch", priceMinor: 2000 });
    // The client itself reads the links to its invoices and renewal settings.
    expect((await listRenewals(w.db, w.owner, { orgId: w.client.id })).readsBilling).toBe(true);

    const placed = await placeRenewalOrder(w.db, w.partnerLead, { orgId: w.client.id, idempotencyKey: crypto.randomUUID(), productIds: [w.domain.id], months: [12] });
    expect(placed.orgId).toBe(w.client.id);
    expect(await hasAccess(w.db, w.partnerLead, placed.orgId, "billing.read")).toBe(false);
    // BIL-4: the client finds it among its pending orders and pays it.
    const pending = await listOrders(w.db, w.owner, { orgId: w.client.id });
    expect(JSON.stringify(pending)).toContain(placed.orderId);

    const user = await createUser(w.db);
    await addMember(w.db, w.client.id, user.id, "USER");
    expect(await outcome(listRenewals(w.db, asUser(user.id), { orgId: w.client.id }))).toBe("FORBIDDEN");
  });

  test("[PRT-5] while the client pays, a FULL partner orders renewals but pays nothing: paying an invoice or an order, choosing the method, the prepaid account, auto-renewal, billing messages and the unblock procedure are refused by each service; once the partner pays they are its again", async () => {
    const w = await world();
    const blocked = await createOrder(w.db, { org: w.client, status: "BLOCKED", placedById: w.client.legalRepresentativeId });
    const pending = await createOrder(w.db, { org: w.client, status: "PENDING" });
    await w.db.prepaidEntry.create({ data: { orgId: w.client.id, kind: "TOPUP", amountMinor: 500, currency: w.client.currency } });
    const key = () => crypto.randomUUID();
    const attempts = (who: typeof w.partnerLead) => ({
      payInvoice: () => outcome(startInvoicePayment(w.db, who, { orgId: w.client.id, invoiceId: w.invoice.id, method: "CARD", idempotencyKey: key() })),
      payOrder: () => outcome(startOrderPayment(w.db, who, { orgId: w.client.id, orderId: pending.id, method: "CARD", idempotencyKey: key() })),
      chooseMethod: () => outcome(placeRenewalOrder(w.db, who, { orgId: w.client.id, idempotencyKey: key(), method: "IBAN", productIds: [w.domain.id], months: [12] })),
      payFromPrepaid: () => outcome(payFromPrepaid(w.db, who, { orgId: w.client.id, invoiceId: w.invoice.id, idempotencyKey: key() })),
      topUp: () => outcome(startTopUp(w.db, who, { orgId: w.client.id, amount: "20", method: "CARD", idempotencyKey: key() })),
      ibanTopUp: () => outcome(startIbanTopUp(w.db, who, { orgId: w.client.id, amount: "20", method: "IBAN", idempotencyKey: key() })),
      autoRenewal: () => outcome(setAutoRenewal(w.db, who, { orgId: w.client.id, productIds: [w.domain.id], enabled: false })),
      billingMessages: () => outcome(updateBillingMessages(w.db, who, { orgId: w.client.id, reminderDaysBefore: "30" })),
      resendProcedure: () => outcome(resendUnblockProcedure(w.db, who, { orgId: w.client.id, orderId: blocked.id })),
    });
    // One after the other: each answer on its own, not a race between them.
    const settle = async (a: ReturnType<typeof attempts>) => {
      const out: Record<string, string> = {};
      for (const [k, run] of Object.entries(a)) out[k] = await run();
      return out;
    };
    const before = { payments: await w.db.payment.count({ where: { orgId: w.client.id } }), invoices: await w.db.invoice.count({ where: { orgId: w.client.id } }), prepaid: await w.db.prepaidEntry.count({ where: { orgId: w.client.id } }) };
    const refused = await settle(attempts(w.partnerLead));
    expect(refused).toEqual(Object.fromEntries(Object.keys(refused).map((k) => [k, "FORBIDDEN"])));
    // Nothing was written by any of them.
    expect({ payments: await w.db.payment.count({ where: { orgId: w.client.id } }), invoices: await w.db.invoice.count({ where: { orgId: w.client.id } }), prepaid: await w.db.prepaidEntry.count({ where: { orgId: w.client.id } }) }).toEqual(before);
    // What the pages ask agrees: the products to renew without a method, no link to the renewal settings, no pay on the dashboard.
    expect(await hasAccess(w.db, w.partnerLead, w.client.id, "billing.order")).toBe(true);
    expect(await hasAccess(w.db, w.partnerLead, w.client.id, "billing.pay")).toBe(false);
    expect(await listRenewals(w.db, w.partnerLead, { orgId: w.client.id, all: "1" })).toMatchObject({ canPay: false, readsBilling: false });
    expect(await dashboardSummary(w.db, w.partnerLead, w.client.id)).toMatchObject({ canOrderRenewals: true, invoices: null });

    // PRT-6: the client makes the partner pay: the same calls are the partner's to make.
    await changePayer(w.db, w.owner, { orgId: w.client.id, partnershipId: w.partnership.id, payer: "PARTNER" });
    const allowed = await settle(attempts(w.partnerLead));
    expect(allowed).toEqual(Object.fromEntries(Object.keys(allowed).map((k) => [k, "ok"])));
    expect(await listRenewals(w.db, w.partnerLead, { orgId: w.client.id, all: "1" })).toMatchObject({ canPay: true, readsBilling: true });
  });

  test("[PRT-3] [PRT-5] a LIMITED partner neither orders nor pays the client's renewals; a USER of the client does neither either", async () => {
    const w = await world();
    await w.db.partnership.update({ where: { id: w.partnership.id }, data: { access: "LIMITED", products: { create: { productId: w.domain.id } } } });
    const order = (who: typeof w.partnerLead) => outcome(placeRenewalOrder(w.db, who, { orgId: w.client.id, idempotencyKey: crypto.randomUUID(), productIds: [w.domain.id], months: [12] }));
    expect(await order(w.partnerLead)).toBe("FORBIDDEN");
    expect(await outcome(listRenewals(w.db, w.partnerLead, { orgId: w.client.id }))).toBe("FORBIDDEN");
    expect(await outcome(startInvoicePayment(w.db, w.partnerLead, { orgId: w.client.id, invoiceId: w.invoice.id, method: "CARD", idempotencyKey: crypto.randomUUID() }))).toBe("FORBIDDEN");
    const user = await createUser(w.db);
    await addMember(w.db, w.client.id, user.id, "USER");
    expect(await order(asUser(user.id))).toBe("FORBIDDEN");
    // Who pays chooses the method: the client's legal representative without one is asked for it.
    await expect(placeRenewalOrder(w.db, w.owner, { orgId: w.client.id, idempotencyKey: crypto.randomUUID(), productIds: [w.domain.id], months: [12] })).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { method: ["billing.chooseMethodError"] } });
    expect(await w.db.order.count({ where: { orgId: w.client.id } })).toBe(0);
  });
});
