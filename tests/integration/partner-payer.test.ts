import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { clock, DAY } from "@/lib/clock";
import { getDb, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { afterPaymentSettled } from "@/lib/orders/after-settlement";
import { mapError } from "@/lib/http/map-error";
import { listOrders } from "@/lib/orders/list-orders";
import { placeRenewalOrder } from "@/lib/orders/place-renewal-order";
import { startOrderPayment } from "@/lib/orders/start-order-payment";
import { listRenewals } from "@/lib/payments/list-renewals";
import { listCashback } from "@/lib/partners/list-cashback";
import { recordTransfer } from "@/lib/payments/record-transfer";
import { addMember, createOrganization, createPartner, createPartnership, createProducts, createStaffUser, createUser } from "../factories";
import { asUser } from "./support/api";

afterEach(() => clock.reset());

const T0 = new Date("2026-04-01T09:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

/** A Swiss client with a .ch domain at CHF 20.00 a year, and a Swiss partner with the given benefit and payer. */
async function world(benefit: "CASHBACK" | "DISCOUNT", payer: "CLIENT" | "PARTNER") {
  clock.set(T0);
  const db = getDb();
  const client = await createOrganization(db, { country: "CH" });
  const partnerOrg = await createOrganization(db, { country: "CH" });
  const partner = await createPartner(db, { orgId: partnerOrg.id, benefit, benefitRateBp: 1500 });
  const partnership = await createPartnership(db, { partnerId: partner.id, clientOrgId: client.id, access: "FULL", payer });
  const [domain] = await createProducts(db, [{ orgId: client.id, name: `${randomUUID().slice(0, 8)}.ch`, category: "domain", expiresAt: at(20), renewalPeriodMonths: 12, priceMinor: 2000 }]);
  return { db, client, partnerOrg, partner, partnership, domain: domain!, owner: asUser(client.legalRepresentativeId), partnerLead: asUser(partnerOrg.legalRepresentativeId) };
}
type World = Awaited<ReturnType<typeof world>>;

/** `pays`: the actor chooses the method; a partner whose client pays orders without one (PRT-5). */
const renew = (w: World, actor: Actor, pays = true) =>
  placeRenewalOrder(w.db, actor, { orgId: w.client.id, idempotencyKey: randomUUID(), ...(pays ? { method: "CARD" as const } : {}), productIds: [w.domain.id], months: [12] });

/** The bank transfer of an invoice's full amount, booked by staff: the settlement path of every payment. */
async function payByTransfer(db: Db, invoiceId: string) {
  const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  const staff = await createStaffUser(db, { staffRole: "SUPERVISOR" });
  await recordTransfer(db, { kind: "user", userId: staff.id, sessionId: "s", staffRole: "SUPERVISOR", secondFactor: true }, { invoiceNumber: invoice.number, amount: (invoice.totalMinor / 100).toFixed(2), bankReference: `bank-${invoice.id}` });
}

const cashbacks = (db: Db, partnerId: string) => db.partnerCashback.findMany({ where: { partnerId }, select: { invoiceId: true, clientOrgId: true, amountMinor: true, currency: true } });

describe("who pays: the client or the partner (PRT-5)", () => {
  test("[PRT-5] partner pays: the order and its invoice are the partner's, at its reseller discount, none in the client's; the product renews in the client's Organization; the client's own orders stay its own", async () => {
    const w = await world("DISCOUNT", "PARTNER");
    const placed = await renew(w, w.partnerLead);
    expect(placed.orgId).toBe(w.partnerOrg.id);
    const order = await w.db.order.findUniqueOrThrow({ where: { id: placed.orderId } });
    expect(order).toMatchObject({ orgId: w.partnerOrg.id, partnerId: w.partner.id });
    const invoice = await w.db.invoice.findUniqueOrThrow({ where: { id: placed.invoiceId }, include: { lines: true } });
    // 15 % off CHF 20.00.
    expect(invoice).toMatchObject({ orgId: w.partnerOrg.id, subtotalMinor: 1700 });
    expect(invoice.lines).toEqual([expect.objectContaining({ productId: w.domain.id, unitPriceMinor: 1700 })]);
    expect(await w.db.invoice.count({ where: { orgId: w.client.id } })).toBe(0);
    expect(await w.db.order.count({ where: { orgId: w.client.id } })).toBe(0);

    await payByTransfer(w.db, placed.invoiceId);
    const domain = await w.db.product.findUniqueOrThrow({ where: { id: w.domain.id } });
    expect(domain.orgId).toBe(w.client.id);
    expect(domain.expiresAt.toISOString()).toBe(new Date("2027-04-21T09:00:00Z").toISOString());
    // A partner-paid, discounted invoice earns no cashback.
    expect(await w.db.partnerCashback.count({ where: { invoiceId: placed.invoiceId } })).toBe(0);

    // What the client orders itself stays the client's, at public price.
    const own = await renew(w, w.owner);
    expect(await w.db.invoice.findUniqueOrThrow({ where: { id: own.invoiceId } })).toMatchObject({ orgId: w.client.id, subtotalMinor: 2000 });
    expect(await w.db.order.findUniqueOrThrow({ where: { id: own.orderId } })).toMatchObject({ orgId: w.client.id, partnerId: null });
  });

  test("[PRT-5] client pays, the partner orders: the invoice is the client's at public price, and the partner's cashback is credited once, even when the settlement is replayed", async () => {
    const w = await world("CASHBACK", "CLIENT");
    const placed = await renew(w, w.partnerLead, false);
    expect(placed.orgId).toBe(w.client.id);
    expect(await w.db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).toMatchObject({ orgId: w.client.id, partnerId: w.partner.id });
    const invoice = await w.db.invoice.findUniqueOrThrow({ where: { id: placed.invoiceId } });
    expect(invoice).toMatchObject({ orgId: w.client.id, subtotalMinor: 2000 });
    expect(await w.db.invoice.count({ where: { orgId: w.partnerOrg.id } })).toBe(0);
    // Nothing before the invoice is paid.
    expect(await cashbacks(w.db, w.partner.id)).toEqual([]);

    clock.set(at(1));
    await payByTransfer(w.db, placed.invoiceId);
    // 15 % of the subtotal before VAT.
    const expected = [{ invoiceId: placed.invoiceId, clientOrgId: w.client.id, amountMinor: 300, currency: "CHF" }];
    expect(await cashbacks(w.db, w.partner.id)).toEqual(expected);

    const payment = await w.db.payment.findFirstOrThrow({ where: { invoiceId: placed.invoiceId } });
    await w.db.$transaction((tx) => afterPaymentSettled(tx, payment, at(2)));
    expect(await cashbacks(w.db, w.partner.id)).toEqual(expected);

    // The ledger on the partner's dashboard: its members only.
    const ledger = await listCashback(w.db, w.partnerLead, { partnerId: w.partner.id });
    expect(ledger?.totals).toEqual([{ currency: "CHF", amountMinor: 300 }]);
    expect(ledger?.latest).toEqual([expect.objectContaining({ clientName: w.client.name, invoiceNumber: invoice.number, amountMinor: 300 })]);
    await expect(listCashback(w.db, w.owner, { partnerId: w.partner.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const user = await createUser(w.db);
    await addMember(w.db, w.partnerOrg.id, user.id, "USER");
    expect(await listCashback(w.db, asUser(user.id), { partnerId: w.partner.id })).toBeNull();
  });

  test("[PRT-5] an order the client makes directly earns the partner its cashback; rounded down in minor units", async () => {
    const w = await world("CASHBACK", "CLIENT");
    await w.db.product.update({ where: { id: w.domain.id }, data: { priceMinor: 1999 } });
    const placed = await renew(w, w.owner);
    expect(await w.db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).toMatchObject({ orgId: w.client.id, partnerId: null });
    await payByTransfer(w.db, placed.invoiceId);
    // 1999 × 15 % = 299.85 → 299.
    expect(await cashbacks(w.db, w.partner.id)).toEqual([{ invoiceId: placed.invoiceId, clientOrgId: w.client.id, amountMinor: 299, currency: "CHF" }]);
  });

  test("[PRT-5] no cashback once the partnership has ended", async () => {
    const w = await world("CASHBACK", "CLIENT");
    const placed = await renew(w, w.owner);
    await w.db.partnership.update({ where: { id: w.partnership.id }, data: { status: "ENDED", endedAt: at(1) } });
    await payByTransfer(w.db, placed.invoiceId);
    expect(await w.db.invoice.findUniqueOrThrow({ where: { id: placed.invoiceId } })).toMatchObject({ status: "PAID" });
    expect(await cashbacks(w.db, w.partner.id)).toEqual([]);
  });

  test("[PRT-5] a partner invoiced in another currency than its client cannot be made to pay its renewals; nothing is written", async () => {
    const w = await world("DISCOUNT", "PARTNER");
    await w.db.organization.update({ where: { id: w.partnerOrg.id }, data: { currency: "EUR" } });
    const error = await renew(w, w.partnerLead).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect(await w.db.order.count({ where: { orgId: { in: [w.client.id, w.partnerOrg.id] } } })).toBe(0);
  });

  test("[PRT-5] [PRT-9] partner pays, a plain user of the partner assigned to the client orders: page and service agree it orders without paying; the order waits unpaid among the partner's pending orders for its billing people; a method is refused with a translated reason and writes nothing", async () => {
    const w = await world("DISCOUNT", "PARTNER");
    const nina = await createUser(w.db);
    const membership = await addMember(w.db, w.partnerOrg.id, nina.id, "USER");
    await w.db.partnerManager.create({ data: { partnershipId: w.partnership.id, membershipId: membership.id } });
    const plain = asUser(nina.id);

    // The payments page: she orders, the partner pays — no method to choose, and she is told who pays.
    expect(await listRenewals(w.db, plain, { orgId: w.client.id, all: "1" })).toMatchObject({ canPay: false, payerName: w.partnerOrg.name });
    expect(await listRenewals(w.db, w.partnerLead, { orgId: w.client.id, all: "1" })).toMatchObject({ canPay: true, payerName: w.partnerOrg.name });

    // A method (a stale page, the API) is refused before anything is written.
    const refused = await renew(w, plain).catch((e: unknown) => e);
    expect(mapError(refused)).toMatchObject({ status: 403, key: "payments.errors.partnerBillingPays" });
    expect(await w.db.order.count({ where: { orgId: { in: [w.client.id, w.partnerOrg.id] } } })).toBe(0);

    const placed = await renew(w, plain, false);
    expect(placed.orgId).toBe(w.partnerOrg.id);
    expect(await w.db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).toMatchObject({ orgId: w.partnerOrg.id, partnerId: w.partner.id, status: "PENDING", placedById: nina.id });
    expect(await w.db.invoice.findUniqueOrThrow({ where: { id: placed.invoiceId } })).toMatchObject({ orgId: w.partnerOrg.id, kind: "INVOICE", status: "UNPAID", subtotalMinor: 1700 });
    expect(await w.db.payment.count({ where: { orgId: w.partnerOrg.id } })).toBe(0);
    // The partner's billing people find it first among their pending orders and pay it; she could not.
    const pending = await listOrders(w.db, w.partnerLead, { orgId: w.partnerOrg.id });
    expect(pending.items[0]).toMatchObject({ id: placed.orderId, status: "PENDING" });
    await expect(startOrderPayment(w.db, plain, { orgId: w.partnerOrg.id, orderId: placed.orderId, method: "CARD", idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const started = await startOrderPayment(w.db, w.partnerLead, { orgId: w.partnerOrg.id, orderId: placed.orderId, method: "CARD", idempotencyKey: randomUUID() });
    expect(await w.db.payment.findUniqueOrThrow({ where: { id: started.paymentId } })).toMatchObject({ orgId: w.partnerOrg.id, invoiceId: placed.invoiceId });
  });
});
