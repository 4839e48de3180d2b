import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, test } from "vitest";
import { clock, MINUTE } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { getOrder } from "@/lib/orders/get-order";
import { listOrders } from "@/lib/orders/list-orders";
import { startOrderPayment } from "@/lib/orders/start-order-payment";
import { payWithCard } from "@/lib/payments/sandbox/hosted-page";
import { addMember, createOrder, createOrganization, createUser } from "../factories";
import { asUser } from "./support/api";

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
