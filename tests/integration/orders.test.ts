import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, test } from "vitest";
import { clock, MINUTE } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { invoicesPdf, ordersGet, ordersList, paymentsGet, paymentsList } from "@/lib/http/api-endpoints";
import { getOrder } from "@/lib/orders/get-order";
import { listOrders } from "@/lib/orders/list-orders";
import { startOrderPayment } from "@/lib/orders/start-order-payment";
import { payWithCard } from "@/lib/payments/sandbox/hosted-page";
import { addMember, createOrder, createOrganization, createUser } from "../factories";
import { asUser, call, tokenFor } from "./support/api";
import { pdfText } from "./support/pdf-text";

afterEach(() => clock.reset());

const db = getDb();
const T0 = new Date("2026-03-01T10:00:00Z");
const VALID = { expiry: "12/30", cvc: "123" };
const codeOf = (p: Promise<unknown>) => p.then(() => "allowed", (e: { code?: string }) => e.code ?? String(e));
const checkoutId = (redirectUrl: string) => decodeURIComponent(redirectUrl.split("/").pop()!);

describe("Orders (BIL-4)", () => {
  test("[BIL-4] the list shows the pending orders first, then the others, newest first, keyset-paged without gaps or repeats", async () => {
    const org = await createOrganization(db);
    const owner = asUser(org.legalRepresentativeId);
    const at = (m: number) => new Date(T0.getTime() + m * MINUTE);
    const paid1 = await createOrder(db, { org, status: "PAID", createdAt: at(1) });
    const pending1 = await createOrder(db, { org, createdAt: at(2) });
    const cancelled = await createOrder(db, { org, status: "CANCELLED", createdAt: at(3) });
    const pending2 = await createOrder(db, { org, createdAt: at(4) });
    const blocked = await createOrder(db, { org, status: "BLOCKED", createdAt: at(5) });
    await createOrder(db, { org: await createOrganization(db), createdAt: at(6) }); // another Organization's

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOrders(db, owner, { orgId: org.id, perPage: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([pending2.id, pending1.id, blocked.id, cancelled.id, paid1.id]);
    expect(await codeOf(listOrders(db, owner, { orgId: org.id, cursor: "not-a-cursor" }))).toBe("INVALID_INPUT");
  });

  test("[BIL-4] an order shows its lines, total, status and invoice; another Organization's order and a user without billing rights get nothing", async () => {
    const org = await createOrganization(db);
    const order = await createOrder(db, { org, lines: [{ description: "Domain alpine.ch", unitPriceMinor: 1500, periodMonths: 12 }, { description: "Web hosting", unitPriceMinor: 9000 }] });
    const details = await getOrder(db, asUser(org.legalRepresentativeId), { orgId: org.id, orderId: order.id });
    expect(details).toMatchObject({ number: order.number, status: "PENDING", totalMinor: order.invoice.totalMinor, invoice: { id: order.invoice.id, status: "UNPAID" } });
    expect(details.lines.map((l) => l.description)).toEqual(["Domain alpine.ch", "Web hosting"]);

    const other = await createOrganization(db);
    expect(await codeOf(getOrder(db, asUser(other.legalRepresentativeId), { orgId: other.id, orderId: order.id }))).toBe("NOT_FOUND");
    expect(await codeOf(getOrder(db, asUser(other.legalRepresentativeId), { orgId: org.id, orderId: order.id }))).toBe("NOT_FOUND");
    const user = await createUser(db);
    await addMember(db, org.id, user.id, "USER");
    expect(await codeOf(getOrder(db, asUser(user.id), { orgId: org.id, orderId: order.id }))).toBe("FORBIDDEN");
    expect(await codeOf(startOrderPayment(db, asUser(user.id), { orgId: org.id, orderId: order.id, method: "CARD", idempotencyKey: randomUUID() }))).toBe("FORBIDDEN");
  });

  test("[BIL-4] \"Pay the order\" goes through its invoice and the operator's page: a sandbox card pays invoice and order; a paid order cannot be paid again", async () => {
    const org = await createOrganization(db);
    const owner = asUser(org.legalRepresentativeId);
    const order = await createOrder(db, { org, placedById: org.legalRepresentativeId });
    const started = await startOrderPayment(db, owner, { orgId: org.id, orderId: order.id, method: "CARD", idempotencyKey: randomUUID() });
    expect(started.redirectUrl).toMatch(/^\/sandbox\/pay\/cs_/);
    expect((await getOrder(db, owner, { orgId: org.id, orderId: order.id })).status).toBe("PENDING");
    await payWithCard(checkoutId(started.redirectUrl), { number: "4242424242424242", ...VALID });
    expect(await getOrder(db, owner, { orgId: org.id, orderId: order.id })).toMatchObject({ status: "PAID", invoice: { status: "PAID" } });
    expect(await codeOf(startOrderPayment(db, owner, { orgId: org.id, orderId: order.id, method: "CARD", idempotencyKey: randomUUID() }))).toBe("CONFLICT");
  });

  test("[BIL-4] a declined card leaves the order pending", async () => {
    const org = await createOrganization(db);
    const owner = asUser(org.legalRepresentativeId);
    const order = await createOrder(db, { org });
    const started = await startOrderPayment(db, owner, { orgId: org.id, orderId: order.id, method: "CARD", idempotencyKey: randomUUID() });
    await payWithCard(checkoutId(started.redirectUrl), { number: "4000000000000002", ...VALID });
    expect(await getOrder(db, owner, { orgId: org.id, orderId: order.id })).toMatchObject({ status: "PENDING", invoice: { status: "UNPAID" } });
  });
});

describe("Orders and payments by token (BIL-4)", () => {
  test("[BIL-4] [API-6] a token with invoices:read lists the orders (pending first, keyset cursor), reads one and its invoice's PDF, and lists and reads the payments; another Organization's order is 404", async () => {
    const org = await createOrganization(db);
    const paid = await createOrder(db, { org, status: "PAID", createdAt: T0 });
    const pending = await createOrder(db, { org, createdAt: new Date(T0.getTime() - MINUTE) });
    const payment = await db.payment.create({ data: { orgId: org.id, invoiceId: paid.invoice.id, methodType: "VISA", amountMinor: paid.totalMinor, currency: paid.currency, status: "SUCCEEDED", idempotencyKey: randomUUID() } });
    const token = await tokenFor(db, org.legalRepresentativeId, org.id, ["invoices:read"]);
    const base = `/api/v1/accounts/${org.id}`;

    const first = await (await call(ordersList.handle, `${base}/orders?per_page=1`, { token, params: { account_id: org.id } })).json();
    expect(first).toMatchObject({ result: "success", total: 2, data: [{ id: pending.id, status: "PENDING", total_minor: pending.totalMinor }] });
    const second = await (await call(ordersList.handle, `${base}/orders?per_page=1&cursor=${first.next_cursor}`, { token, params: { account_id: org.id } })).json();
    expect(second).toMatchObject({ data: [{ id: paid.id, status: "PAID" }], next_cursor: null });

    const one = await (await call(ordersGet.handle, `${base}/orders/${pending.id}`, { token, params: { account_id: org.id, id: pending.id } })).json();
    expect(one.data).toMatchObject({ number: pending.number, invoice: { id: pending.invoice.id, status: "UNPAID" }, lines: [{ description: "Domain example.ch", period_months: 12 }] });

    const payments = await (await call(paymentsList.handle, `${base}/payments`, { token, params: { account_id: org.id } })).json();
    expect(payments).toMatchObject({ total: 1, data: [{ id: payment.id, status: "SUCCEEDED", method_type: "VISA", invoice_id: paid.invoice.id, order_id: paid.id }] });
    const got = await (await call(paymentsGet.handle, `${base}/payments/${payment.id}`, { token, params: { account_id: org.id, id: payment.id } })).json();
    expect(got.data).toMatchObject({ id: payment.id, amount_minor: paid.totalMinor });

    // BIL-7: the order's invoice as a PDF, by token.
    const pdf = await call(invoicesPdf.handle, `${base}/invoices/${pending.invoice.id}/pdf?lang=fr`, { token, params: { account_id: org.id, id: pending.invoice.id } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdfText(Buffer.from(await pdf.arrayBuffer()))).toContain(pending.invoice.number);

    const other = await createOrganization(db);
    const theirs = await createOrder(db, { org: other });
    expect((await call(ordersGet.handle, `${base}/orders/${theirs.id}`, { token, params: { account_id: org.id, id: theirs.id } })).status).toBe(404);
    expect((await call(ordersList.handle, `/api/v1/accounts/${other.id}/orders`, { token, params: { account_id: other.id } })).status).toBe(404);
  });
});
