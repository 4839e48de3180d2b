import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { clock, DAY } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { ordersGet } from "@/lib/http/api-endpoints";
import { getOrder } from "@/lib/orders/get-order";
import { placeRenewalOrder } from "@/lib/orders/place-renewal-order";
import { startOrderPayment } from "@/lib/orders/start-order-payment";
import { switchOrderToInvoice } from "@/lib/orders/switch-to-invoice";
import { recordTransfer } from "@/lib/payments/record-transfer";
import { payFromPrepaid } from "@/lib/prepaid/pay-from-prepaid";
import { addMember, createOrganization, createProducts, createStaffUser, createUser } from "../factories";
import { asUser, call, tokenFor } from "./support/api";

afterEach(() => clock.reset());

const T0 = new Date("2026-05-04T08:00:00Z");

/** A Swiss Organization whose owner ordered the renewal of a .ch domain (CHF 20.00) to pay by IBAN: the order waits with its pro-forma. */
async function world() {
  clock.set(T0);
  const db = getDb();
  const org = await createOrganization(db, { country: "CH" });
  const owner = asUser(org.legalRepresentativeId);
  const [domain] = await createProducts(db, [{ orgId: org.id, name: `${randomUUID().slice(0, 8)}.ch`, category: "domain", expiresAt: new Date(T0.getTime() + 20 * DAY), renewalPeriodMonths: 12, priceMinor: 2000 }]);
  const placed = await placeRenewalOrder(db, owner, { orgId: org.id, idempotencyKey: randomUUID(), method: "IBAN", productIds: [domain!.id], months: [12] });
  const proforma = await db.invoice.findUniqueOrThrow({ where: { id: placed.invoiceId }, include: { lines: true } });
  return { db, org, owner, domain: domain!, placed, proforma };
}
type World = Awaited<ReturnType<typeof world>>;

const staffActor = async (w: World): Promise<Actor> => {
  const staff = await createStaffUser(w.db, { staffRole: "SUPERVISOR" });
  return { kind: "user", userId: staff.id, sessionId: "s", staffRole: "SUPERVISOR", secondFactor: true };
};
const invoicesOf = (w: World) => w.db.invoice.findMany({ where: { orderId: w.placed.orderId }, orderBy: { issuedAt: "asc" }, include: { lines: true } });

describe("An order chosen to be paid by IBAN: its pro-forma, and paying by card instead (BIL-4, BIL-5)", () => {
  test("[BIL-5] the order's page and the API read its pro-forma (number, amount, unpaid) where they used to find no invoice", async () => {
    const w = await world();
    const order = await getOrder(w.db, w.owner, { orgId: w.org.id, orderId: w.placed.orderId });
    expect(order.invoice).toBeNull();
    expect(order.proforma).toMatchObject({ id: w.proforma.id, number: w.proforma.number, kind: "PROFORMA", status: "UNPAID", totalMinor: w.proforma.totalMinor });
    expect(order.replacedProforma).toBeNull();
    // The REST API says the same.
    const token = await tokenFor(w.db, w.org.legalRepresentativeId, w.org.id, ["invoices:read"]);
    const params = { account_id: w.org.id, id: w.placed.orderId };
    const one = await (await call(ordersGet.handle, `/api/v1/accounts/${w.org.id}/orders/${w.placed.orderId}`, { token, params })).json();
    expect(one.data).toMatchObject({ invoice: null, proforma: { id: w.proforma.id, number: w.proforma.number, status: "UNPAID" } });
  });

  test("[BIL-5] pay by card instead: five clicks at once issue one invoice of the same lines and total, the pro-forma is cancelled, the order keeps its number and is then paid by card", async () => {
    const w = await world();
    const before = await w.db.order.findUniqueOrThrow({ where: { id: w.placed.orderId } });
    const results = await Promise.all(Array.from({ length: 5 }, () => switchOrderToInvoice(w.db, w.owner, { orgId: w.org.id, orderId: w.placed.orderId })));
    const invoices = await invoicesOf(w);
    expect(invoices.map((i) => [i.kind, i.status])).toEqual([
      ["PROFORMA", "CANCELLED"],
      ["INVOICE", "UNPAID"],
    ]);
    const invoice = invoices[1]!;
    expect(new Set(results.map((r) => r.invoiceId))).toEqual(new Set([invoice.id]));
    expect(results.filter((r) => r.replaced === w.proforma.number)).toHaveLength(1);
    expect(invoice).toMatchObject({ orgId: w.org.id, currency: "CHF", subtotalMinor: w.proforma.subtotalMinor, totalMinor: w.proforma.totalMinor });
    expect(invoice.lines.map((l) => [l.description, l.productId, l.periodMonths, l.quantity, l.unitPriceMinor])).toEqual(w.proforma.lines.map((l) => [l.description, l.productId, l.periodMonths, l.quantity, l.unitPriceMinor]));
    const after = await w.db.order.findUniqueOrThrow({ where: { id: w.placed.orderId } });
    expect(after).toMatchObject({ number: before.number, status: "PENDING", totalMinor: invoice.totalMinor });
    expect(await w.db.auditLog.count({ where: { orgId: w.org.id, action: "order.switchedToInvoice", targetId: w.placed.orderId } })).toBe(1);

    const details = await getOrder(w.db, w.owner, { orgId: w.org.id, orderId: w.placed.orderId });
    expect(details).toMatchObject({ invoice: { id: invoice.id }, proforma: null, replacedProforma: { number: w.proforma.number } });
    // The card path now reaches the order, and the replaced pro-forma can no longer be paid by transfer.
    const started = await startOrderPayment(w.db, w.owner, { orgId: w.org.id, orderId: w.placed.orderId, method: "CARD", idempotencyKey: randomUUID() });
    expect(started.redirectUrl).toBeTruthy();
    expect(await w.db.payment.findUniqueOrThrow({ where: { id: started.paymentId } })).toMatchObject({ invoiceId: invoice.id, amountMinor: invoice.totalMinor });
    await expect(recordTransfer(w.db, await staffActor(w), { invoiceNumber: w.proforma.number, amount: "21.62", bankReference: `bank-${randomUUID()}` })).rejects.toMatchObject({ code: "CONFLICT", message: "errors.invoiceNotPayable" });
    // A later click (a stale page) issues nothing more.
    expect(await switchOrderToInvoice(w.db, w.owner, { orgId: w.org.id, orderId: w.placed.orderId })).toMatchObject({ invoiceId: invoice.id, replaced: null });
    expect(await invoicesOf(w)).toHaveLength(2);
  });

  test("[BIL-5] the new invoice may be paid from the prepaid balance, which the pro-forma refused", async () => {
    const w = await world();
    await w.db.prepaidEntry.create({ data: { orgId: w.org.id, kind: "TOPUP", amountMinor: 50_000, currency: "CHF" } });
    await expect(payFromPrepaid(w.db, w.owner, { orgId: w.org.id, invoiceId: w.proforma.id, idempotencyKey: randomUUID() })).rejects.toMatchObject({ message: "errors.proformaNotFromPrepaid" });
    const { invoiceId } = await switchOrderToInvoice(w.db, w.owner, { orgId: w.org.id, orderId: w.placed.orderId });
    await payFromPrepaid(w.db, w.owner, { orgId: w.org.id, invoiceId, idempotencyKey: randomUUID() });
    expect(await w.db.order.findUniqueOrThrow({ where: { id: w.placed.orderId } })).toMatchObject({ status: "PAID" });
  });

  test("[BIL-5] a pro-forma a transfer already partly paid stays (the rest is paid by transfer); a paid order cannot switch; nothing is written", async () => {
    const w = await world();
    const staff = await staffActor(w);
    await recordTransfer(w.db, staff, { invoiceNumber: w.proforma.number, amount: "10.00", bankReference: `bank-${randomUUID()}` });
    await expect(switchOrderToInvoice(w.db, w.owner, { orgId: w.org.id, orderId: w.placed.orderId })).rejects.toMatchObject({ code: "CONFLICT", message: "orders.errors.transferUnderway" });
    expect((await invoicesOf(w)).map((i) => [i.kind, i.status])).toEqual([["PROFORMA", "UNPAID"]]);
    await recordTransfer(w.db, staff, { invoiceNumber: w.proforma.number, amount: ((w.proforma.totalMinor - 1000) / 100).toFixed(2), bankReference: `bank-${randomUUID()}` });
    expect(await w.db.order.findUniqueOrThrow({ where: { id: w.placed.orderId } })).toMatchObject({ status: "PAID" });
    await expect(switchOrderToInvoice(w.db, w.owner, { orgId: w.org.id, orderId: w.placed.orderId })).rejects.toMatchObject({ code: "CONFLICT", message: "orders.errors.notPayable" });
    expect(await invoicesOf(w)).toHaveLength(1);
  });

  test("[BIL-5] a member without billing.pay is refused, another Organization's order is unknown; nothing is written", async () => {
    const w = await world();
    const user = await createUser(w.db);
    await addMember(w.db, w.org.id, user.id, "USER");
    await expect(switchOrderToInvoice(w.db, asUser(user.id), { orgId: w.org.id, orderId: w.placed.orderId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createOrganization(w.db, { country: "CH" });
    await expect(switchOrderToInvoice(w.db, asUser(stranger.legalRepresentativeId), { orgId: stranger.id, orderId: w.placed.orderId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(switchOrderToInvoice(w.db, asUser(stranger.legalRepresentativeId), { orgId: w.org.id, orderId: w.placed.orderId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await invoicesOf(w)).map((i) => [i.kind, i.status])).toEqual([["PROFORMA", "UNPAID"]]);
  });
});
