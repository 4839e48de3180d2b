import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, inject, test } from "vitest";
import type { UserActor } from "@/lib/auth/get-actor";
import { clock, DAY, MINUTE } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { extractLinks, listCaughtMail } from "@/lib/dev/mailbox";
import { findCaseBySecret } from "@/lib/identity/case-link";
import { decideVerification } from "@/lib/identity/decide-case";
import { runBlockedOrders } from "@/lib/orders/blocked-orders-job";
import { getBillingNotices } from "@/lib/orders/billing-notices";
import { getOrder } from "@/lib/orders/get-order";
import { resendUnblockProcedure } from "@/lib/orders/resend-unblock-procedure";
import { startOrderPayment } from "@/lib/orders/start-order-payment";
import { sandboxRefunds } from "@/lib/payments/sandbox/operator";
import { getPayment } from "@/lib/payments/get-payment";
import { payWithCard } from "@/lib/payments/sandbox/hosted-page";
import { addMember, createOrder, createOrganization, createStaffUser, createUser } from "../factories";
import { asUser } from "./support/api";

afterEach(() => clock.reset());

const db = getDb();
const mailbox = inject("mailboxUrl");
const T0 = new Date("2026-03-10T09:00:00Z");
const SUSPICIOUS_CARD = "4000000000009235";
const codeOf = (p: Promise<unknown>) => p.then(() => "allowed", (e: { code?: string }) => e.code ?? String(e));
const checkoutId = (redirectUrl: string) => decodeURIComponent(redirectUrl.split("/").pop()!);
const verifyLinks = async (to: string) => (await listCaughtMail(mailbox, { to })).flatMap((m) => extractLinks(m).filter((l) => l.includes("/verify/")));

/** An order placed by a user (not the legal representative), paid with the sandbox's suspicious card. */
async function blockedOrder() {
  clock.set(T0);
  const org = await createOrganization(db);
  const placer = await createUser(db, { locale: "fr" });
  await addMember(db, org.id, placer.id, "ADMINISTRATOR");
  const order = await createOrder(db, { org, placedById: placer.id });
  const started = await startOrderPayment(db, asUser(placer.id), { orgId: org.id, orderId: order.id, method: "CARD", idempotencyKey: randomUUID() });
  await payWithCard(checkoutId(started.redirectUrl), { number: SUSPICIOUS_CARD, expiry: "12/30", cvc: "123" });
  const payment = await db.payment.findUniqueOrThrow({ where: { id: started.paymentId } });
  return { org, placer, order, payment, owner: asUser(org.legalRepresentativeId) };
}

describe("Blocked orders (IDV-4)", () => {
  test("[IDV-4] a payment the operator flags as suspicious blocks the order; the procedure goes once to the login e-mail of the person who placed it; 10 days later the order is cancelled and refunded once", async () => {
    const b = await blockedOrder();
    expect(b.payment.status).toBe("SUCCEEDED");
    expect(await getOrder(db, b.owner, { orgId: b.org.id, orderId: b.order.id })).toMatchObject({ status: "BLOCKED", blockedAt: T0 });

    // The job mails the procedure once, however often it runs.
    expect(await runBlockedOrders(db)).toMatchObject({ mailed: 1, cancelled: 0 });
    expect(await runBlockedOrders(db)).toMatchObject({ mailed: 0, cancelled: 0 });
    const mails = await listCaughtMail(mailbox, { to: b.placer.email });
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain(b.order.number);
    expect(mails[0].subject).toContain("bloquée"); // in the placer's language
    const [link] = await verifyLinks(b.placer.email);
    const opened = await findCaseBySecret(db, link.split("/verify/")[1]);
    expect(opened).toMatchObject({ reason: "BLOCKED_ORDER", orderId: b.order.id, userId: b.placer.id, email: b.placer.email });
    expect(await listCaughtMail(mailbox, { to: (await db.user.findUniqueOrThrow({ where: { id: b.org.legalRepresentativeId } })).email })).toHaveLength(0);

    // Nothing happens before the 10 days are over.
    clock.set(new Date(T0.getTime() + 10 * DAY - MINUTE));
    expect(await runBlockedOrders(db)).toMatchObject({ cancelled: 0 });
    clock.set(new Date(T0.getTime() + 10 * DAY + MINUTE));
    expect(await runBlockedOrders(db)).toMatchObject({ cancelled: 1 });
    expect(await runBlockedOrders(db)).toMatchObject({ cancelled: 0 });

    expect(await getOrder(db, b.owner, { orgId: b.org.id, orderId: b.order.id })).toMatchObject({ status: "CANCELLED", invoice: { status: "CANCELLED" } });
    expect(await db.payment.findUniqueOrThrow({ where: { id: b.payment.id } })).toMatchObject({ status: "REFUNDED", failureCode: "ORDER_CANCELLED" });
    // Refunded in full to the method used, once.
    expect(await sandboxRefunds(b.payment.providerRef!)).toEqual([expect.objectContaining({ amountMinor: b.payment.amountMinor, currency: b.payment.currency })]);
    const cancelMails = (await listCaughtMail(mailbox, { to: b.placer.email })).filter((m) => m.subject?.includes("annulée"));
    expect(cancelMails).toHaveLength(1);
  });

  test("[IDV-4] \"resend the procedure\" mails a new link (the old one dies), to the placer only, a few times an hour; only for a blocked order", async () => {
    const b = await blockedOrder();
    await runBlockedOrders(db);
    const [first] = await verifyLinks(b.placer.email);
    await resendUnblockProcedure(db, b.owner, { orgId: b.org.id, orderId: b.order.id });
    const links = await verifyLinks(b.placer.email);
    expect(links).toHaveLength(2);
    expect(links[0]).not.toBe(first);
    expect(await findCaseBySecret(db, first.split("/verify/")[1])).toBeNull();
    expect(await findCaseBySecret(db, links[0].split("/verify/")[1])).toMatchObject({ orderId: b.order.id });
    expect(await db.identityVerification.count({ where: { orderId: b.order.id } })).toBe(1);

    await resendUnblockProcedure(db, b.owner, { orgId: b.org.id, orderId: b.order.id });
    await resendUnblockProcedure(db, b.owner, { orgId: b.org.id, orderId: b.order.id });
    expect(await codeOf(resendUnblockProcedure(db, b.owner, { orgId: b.org.id, orderId: b.order.id }))).toBe("RATE_LIMITED");

    const stranger = await createOrganization(db);
    expect(await codeOf(resendUnblockProcedure(db, asUser(stranger.legalRepresentativeId), { orgId: b.org.id, orderId: b.order.id }))).toBe("NOT_FOUND");
    const pending = await createOrder(db, { org: b.org });
    expect(await codeOf(resendUnblockProcedure(db, b.owner, { orgId: b.org.id, orderId: pending.id }))).toBe("CONFLICT");
  });

  test("[IDV-4] [IDV-2] when staff approve the identity check the order proceeds as paid, and is neither cancelled nor refunded later", async () => {
    const b = await blockedOrder();
    await runBlockedOrders(db);
    const verification = await db.identityVerification.findFirstOrThrow({ where: { orderId: b.order.id } });
    // The photos step is the identity flow's own (tested with it); here the case has reached staff.
    await db.identityVerification.update({ where: { id: verification.id }, data: { status: "SUBMITTED", submittedAt: T0 } });
    // A case waiting for staff is the customer's action: no cancellation meanwhile.
    clock.set(new Date(T0.getTime() + 11 * DAY));
    await runBlockedOrders(db);
    expect((await getOrder(db, b.owner, { orgId: b.org.id, orderId: b.order.id })).status).toBe("BLOCKED");

    const staff = await createStaffUser(db);
    const supervisor: UserActor = { kind: "user", userId: staff.id, sessionId: "staff", staffRole: "SUPERVISOR", secondFactor: true };
    await decideVerification(db, supervisor, { caseId: verification.id, decision: "approve" });
    expect(await getOrder(db, b.owner, { orgId: b.org.id, orderId: b.order.id })).toMatchObject({ status: "PAID", invoice: { status: "PAID" } });
    clock.set(new Date(T0.getTime() + 30 * DAY));
    await runBlockedOrders(db);
    expect((await getOrder(db, b.owner, { orgId: b.org.id, orderId: b.order.id })).status).toBe("PAID");
    expect(await sandboxRefunds(b.payment.providerRef!)).toEqual([]);
  });

  test("[IDV-4] [BIL-1] the console's red banners: a blocked order (with its cancellation date) and suspended products with the invoice to pay, for billing readers; a user sees only that products are suspended", async () => {
    const b = await blockedOrder();
    await db.product.create({ data: { orgId: b.org.id, categoryId: (await db.productCategory.findFirstOrThrow()).id, name: "suspended.ch", holderName: "X", status: "BLOCKED", expiresAt: T0, priceMinor: 1000, currency: b.org.currency } });
    const unpaid = await createOrder(db, { org: b.org });
    await db.invoice.update({ where: { id: unpaid.invoice.id }, data: { dunningStep: 3 } });
    const owner = await getBillingNotices(db, b.owner, b.org.id);
    expect(owner).toMatchObject({ blockedOrders: [{ id: b.order.id, number: b.order.number, cancelAt: new Date(T0.getTime() + 10 * DAY) }], canResend: true, suspendedProducts: 1, unpaidInvoices: [{ id: unpaid.invoice.id }] });
    const user = await createUser(db);
    await addMember(db, b.org.id, user.id, "USER");
    expect(await getBillingNotices(db, asUser(user.id), b.org.id)).toEqual({ blockedOrders: [], canResend: false, suspendedProducts: 1, unpaidInvoices: [] });
    expect(await codeOf(getBillingNotices(db, asUser((await createUser(db)).id), b.org.id))).toBe("NOT_FOUND");
  });
  test("[IDV-4] the page the customer comes back to shows a held payment as held for verification, not as received: received once staff approve, refunded with the order when it is cancelled", async () => {
    const b = await blockedOrder();
    const shown = () => getPayment(db, b.owner, { orgId: b.org.id, paymentId: b.payment.id });
    expect(await shown()).toMatchObject({ status: "SUCCEEDED", held: true, cancelledOrder: false, order: { id: b.order.id, number: b.order.number, status: "BLOCKED", blockedAt: T0 } });

    // A card paying an order normally is received.
    const other = await createOrder(db, { org: b.org, placedById: b.placer.id });
    const started = await startOrderPayment(db, asUser(b.placer.id), { orgId: b.org.id, orderId: other.id, method: "CARD", idempotencyKey: randomUUID() });
    await payWithCard(checkoutId(started.redirectUrl), { number: "4242424242424242", expiry: "12/30", cvc: "123" });
    expect(await getPayment(db, b.owner, { orgId: b.org.id, paymentId: started.paymentId })).toMatchObject({ status: "SUCCEEDED", held: false, order: { status: "PAID" } });

    // Ten days without action: the order is cancelled and the payment refunded because of it.
    await runBlockedOrders(db);
    clock.set(new Date(T0.getTime() + 10 * DAY + MINUTE));
    await runBlockedOrders(db);
    expect(await shown()).toMatchObject({ status: "REFUNDED", held: false, cancelledOrder: true, order: { status: "CANCELLED" } });
  });

  test("[IDV-4] a held payment approved by staff reads as received", async () => {
    const b = await blockedOrder();
    await runBlockedOrders(db);
    const verification = await db.identityVerification.findFirstOrThrow({ where: { orderId: b.order.id } });
    await db.identityVerification.update({ where: { id: verification.id }, data: { status: "SUBMITTED", submittedAt: T0 } });
    const staff = await createStaffUser(db);
    await decideVerification(db, { kind: "user", userId: staff.id, sessionId: "staff", staffRole: "SUPERVISOR", secondFactor: true }, { caseId: verification.id, decision: "approve" });
    expect(await getPayment(db, b.owner, { orgId: b.org.id, paymentId: b.payment.id })).toMatchObject({ status: "SUCCEEDED", held: false, order: { status: "PAID" } });
  });
});
