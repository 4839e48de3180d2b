import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, test, vi } from "vitest";
import { POST as webhook } from "@/app/webhooks/payments/route";
import { clock } from "@/lib/clock";
import { isUserKey } from "@/lib/http/translate-error";
import { getDb } from "@/lib/db";
import { getPayment } from "@/lib/payments/get-payment";
import { SIGNATURE_HEADER, signNotification } from "@/lib/payments/notification-signature";
import { receivePaymentNotification } from "@/lib/payments/receive-notification";
import { answerChallenge, answerWallet, payWithCard, sandboxNotification } from "@/lib/payments/sandbox/hosted-page";
import { sandboxRefunds } from "@/lib/payments/sandbox/operator";
import { findSandboxCheckout } from "@/lib/payments/sandbox/store";
import { refundDuePayments } from "@/lib/payments/refund-due-payments";
import { startInvoicePayment } from "@/lib/payments/start-invoice-payment";
import { placeRenewalOrder } from "@/lib/orders/place-renewal-order";
import { startOrderPayment } from "@/lib/orders/start-order-payment";
import { addMember, createInvoice, createOrganization, createProducts, createUser } from "../factories";
import { asUser } from "./support/api";

afterEach(() => clock.reset());

const T0 = new Date("2026-03-01T10:00:00Z");
const VALID = { expiry: "12/30", cvc: "123" };

async function billed(country = "CH") {
  const db = getDb();
  const org = await createOrganization(db, { country });
  const invoice = await createInvoice(db, { org, status: "UNPAID", issuedAt: T0, lines: [{ description: "Domain renewal", unitPriceMinor: 2000 }] });
  return { db, org, invoice, owner: asUser(org.legalRepresentativeId) };
}

const checkoutId = (redirectUrl: string) => decodeURIComponent(redirectUrl.split("/").pop()!);

function webhookRequest(body: string, signature: string | null) {
  return new Request("http://localhost/webhooks/payments", { method: "POST", body, headers: signature ? { [SIGNATURE_HEADER]: signature } : {} });
}

describe("Payments through the sandbox operator (BIL-5)", () => {
  test("[BIL-5] a test card pays the invoice; only brand, last 4 and expiry are kept, the card is saved for later", async () => {
    const t = await billed();
    const started = await startInvoicePayment(t.db, t.owner, { orgId: t.org.id, invoiceId: t.invoice.id, method: "CARD", idempotencyKey: randomUUID() });
    expect(started.redirectUrl).toMatch(/^\/sandbox\/pay\/cs_/);
    const answer = await payWithCard(checkoutId(started.redirectUrl), { number: "4242 4242 4242 4242", ...VALID });
    expect(answer?.checkout.status).toBe("SUCCEEDED");
    const payment = await getPayment(t.db, t.owner, { orgId: t.org.id, paymentId: started.paymentId });
    expect(payment).toMatchObject({ status: "SUCCEEDED", methodType: "VISA", amountMinor: t.invoice.totalMinor, invoice: { status: "PAID" }, method: { label: "Visa •••• 4242" } });
    const methods = await t.db.paymentMethod.findMany({ where: { orgId: t.org.id } });
    expect(methods).toMatchObject([{ type: "VISA", last4: "4242", expMonth: 12, expYear: 2030 }]);
    expect(methods[0].providerToken).toMatch(/^sbx_pm_/);
    // Not one column of the product's schema holds the number.
    const leaked = await t.db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "Payment" p JOIN "PaymentMethod" m ON m."orgId" = p."orgId" WHERE p."orgId" = $1 AND (row_to_json(p)::text LIKE '%4242424242%' OR row_to_json(m)::text LIKE '%4242424242%')`,
      t.org.id,
    );
    expect(leaked[0].n).toBe(0);
  });

  test("[BIL-5] declined, insufficient funds and expired cards fail with their reason and leave the invoice unpaid", async () => {
    const t = await billed();
    for (const [number, expiry, failure] of [
      ["4000000000000002", "12/30", "DECLINED"],
      ["4000000000009995", "12/30", "INSUFFICIENT_FUNDS"],
      ["4000000000000069", "12/30", "EXPIRED_CARD"],
      ["4242424242424242", "01/20", "EXPIRED_CARD"],
    ]) {
      const started = await startInvoicePayment(t.db, t.owner, { orgId: t.org.id, invoiceId: t.invoice.id, method: "CARD", idempotencyKey: randomUUID() });
      await payWithCard(checkoutId(started.redirectUrl), { number, expiry, cvc: "123" });
      expect(await getPayment(t.db, t.owner, { orgId: t.org.id, paymentId: started.paymentId })).toMatchObject({ status: "FAILED", failureCode: failure, invoice: { status: "UNPAID" } });
    }
    expect(await t.db.paymentMethod.count({ where: { orgId: t.org.id } })).toBe(0);
  });

  test("[BIL-5] the 3-D Secure card asks for a code: a wrong code fails, the right one pays", async () => {
    const t = await billed();
    const first = await startInvoicePayment(t.db, t.owner, { orgId: t.org.id, invoiceId: t.invoice.id, method: "CARD", idempotencyKey: randomUUID() });
    const challenged = await payWithCard(checkoutId(first.redirectUrl), { number: "4000000000003220", ...VALID });
    expect(challenged?.checkout.status).toBe("CHALLENGE");
    expect((await getPayment(t.db, t.owner, { orgId: t.org.id, paymentId: first.paymentId })).status).toBe("PENDING");
    await answerChallenge(checkoutId(first.redirectUrl), "000000");
    expect((await getPayment(t.db, t.owner, { orgId: t.org.id, paymentId: first.paymentId })).failureCode).toBe("AUTHENTICATION_FAILED");

    const second = await startInvoicePayment(t.db, t.owner, { orgId: t.org.id, invoiceId: t.invoice.id, method: "CARD", idempotencyKey: randomUUID() });
    await payWithCard(checkoutId(second.redirectUrl), { number: "4000000000003220", ...VALID });
    await answerChallenge(checkoutId(second.redirectUrl), "123456");
    expect(await getPayment(t.db, t.owner, { orgId: t.org.id, paymentId: second.paymentId })).toMatchObject({ status: "SUCCEEDED", invoice: { status: "PAID" } });
  });

  test("[BIL-5] PostFinance is offered for CHF only; PayPal is approved or cancelled; Twint is saved as a reusable method", async () => {
    const eur = await billed("FR");
    await expect(startInvoicePayment(eur.db, eur.owner, { orgId: eur.org.id, invoiceId: eur.invoice.id, method: "POSTFINANCE", idempotencyKey: randomUUID() })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { method: ["billing.postFinanceChfOnly"] },
    });
    const paypal = await startInvoicePayment(eur.db, eur.owner, { orgId: eur.org.id, invoiceId: eur.invoice.id, method: "PAYPAL", idempotencyKey: randomUUID() });
    await answerWallet(checkoutId(paypal.redirectUrl), false);
    expect((await getPayment(eur.db, eur.owner, { orgId: eur.org.id, paymentId: paypal.paymentId })).failureCode).toBe("CANCELLED");
    const paypal2 = await startInvoicePayment(eur.db, eur.owner, { orgId: eur.org.id, invoiceId: eur.invoice.id, method: "PAYPAL", idempotencyKey: randomUUID() });
    await answerWallet(checkoutId(paypal2.redirectUrl), true);
    expect((await getPayment(eur.db, eur.owner, { orgId: eur.org.id, paymentId: paypal2.paymentId })).status).toBe("SUCCEEDED");
    expect(await eur.db.paymentMethod.count({ where: { orgId: eur.org.id } })).toBe(0);

    const chf = await billed("CH");
    const pf = await startInvoicePayment(chf.db, chf.owner, { orgId: chf.org.id, invoiceId: chf.invoice.id, method: "POSTFINANCE", idempotencyKey: randomUUID() });
    // A PostFinance checkout takes a PostFinance card, not a Visa.
    await payWithCard(checkoutId(pf.redirectUrl), { number: "4242424242424242", ...VALID });
    expect((await getPayment(chf.db, chf.owner, { orgId: chf.org.id, paymentId: pf.paymentId })).failureCode).toBe("DECLINED");
    const twint = await startInvoicePayment(chf.db, chf.owner, { orgId: chf.org.id, invoiceId: chf.invoice.id, method: "TWINT", idempotencyKey: randomUUID() });
    await answerWallet(checkoutId(twint.redirectUrl), true);
    expect(await chf.db.paymentMethod.findMany({ where: { orgId: chf.org.id }, select: { type: true, label: true } })).toEqual([{ type: "TWINT", label: "Twint" }]);
  });

  test("[BIL-5] one idempotency key, one payment: a double click or a retried request opens the same checkout and pays once", async () => {
    const t = await billed();
    const key = randomUUID();
    const input = { orgId: t.org.id, invoiceId: t.invoice.id, method: "CARD" as const, idempotencyKey: key };
    const [a, b, c] = await Promise.all([startInvoicePayment(t.db, t.owner, input), startInvoicePayment(t.db, t.owner, input), startInvoicePayment(t.db, t.owner, input)]);
    expect(new Set([a.paymentId, b.paymentId, c.paymentId]).size).toBe(1);
    expect(new Set([a.redirectUrl, b.redirectUrl, c.redirectUrl]).size).toBe(1);
    await payWithCard(checkoutId(a.redirectUrl), { number: "4242424242424242", ...VALID });
    // Once paid, the same key leads to the status page, not to a second checkout.
    expect((await startInvoicePayment(t.db, t.owner, input)).redirectUrl).toBe(`/${t.org.id}/payments/${a.paymentId}`);
    expect(await t.db.payment.count({ where: { orgId: t.org.id } })).toBe(1);
    // A new key for a paid invoice is refused.
    await expect(startInvoicePayment(t.db, t.owner, { ...input, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("[BIL-5] a notification replayed 5 times through the webhook pays once", async () => {
    const t = await billed();
    const started = await startInvoicePayment(t.db, t.owner, { orgId: t.org.id, invoiceId: t.invoice.id, method: "TWINT", idempotencyKey: randomUUID() });
    await answerWallet(checkoutId(started.redirectUrl), true);
    const checkout = (await findSandboxCheckout(t.db, checkoutId(started.redirectUrl)))!;
    const { body, signature } = sandboxNotification(checkout);
    for (let i = 0; i < 5; i++) {
      const res = await webhook(webhookRequest(body, signature));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ received: true, applied: false });
    }
    expect(await t.db.payment.findMany({ where: { orgId: t.org.id }, select: { status: true } })).toEqual([{ status: "SUCCEEDED" }]);
    expect(await t.db.auditLog.count({ where: { orgId: t.org.id, action: "payment.succeeded" } })).toBe(1);
    expect(await t.db.paymentMethod.count({ where: { orgId: t.org.id } })).toBe(1);
  });

  test("[BIL-5] a notification with a bad or missing signature is refused and changes nothing; a forged body is not a payment", async () => {
    const t = await billed();
    const started = await startInvoicePayment(t.db, t.owner, { orgId: t.org.id, invoiceId: t.invoice.id, method: "PAYPAL", idempotencyKey: randomUUID() });
    const payment = await t.db.payment.findUniqueOrThrow({ where: { id: started.paymentId } });
    const forged = JSON.stringify({ id: "evt_x", reference: payment.id, operatorRef: payment.providerRef, status: "SUCCEEDED", amountMinor: payment.amountMinor, currency: payment.currency, methodType: "PAYPAL" });
    const wrongSecret = signNotification(forged, "not-the-shared-secret-at-all", new Date());
    for (const signature of [null, wrongSecret, "t=1,v1=zz", "garbage"]) {
      const res = await webhook(webhookRequest(forged, signature));
      expect(res.status).toBe(401);
    }
    // A valid signature of another body does not carry over.
    const other = signNotification(forged.replace("SUCCEEDED", "FAILED"), process.env.PAYMENT_WEBHOOK_SECRET!, new Date());
    expect((await webhook(webhookRequest(forged, other))).status).toBe(401);
    expect((await webhook(webhookRequest("{not json", signNotification("{not json", process.env.PAYMENT_WEBHOOK_SECRET!, new Date())))).status).toBe(400);
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PENDING");
    expect((await t.db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id } })).status).toBe("UNPAID");
  });

  test("[BIL-5] two attempts both approved for one invoice: the invoice is paid once, the second payment is refunded by the operator once, then shown REFUNDED", async () => {
    const t = await billed();
    const a = await startInvoicePayment(t.db, t.owner, { orgId: t.org.id, invoiceId: t.invoice.id, method: "PAYPAL", idempotencyKey: randomUUID() });
    const b = await startInvoicePayment(t.db, t.owner, { orgId: t.org.id, invoiceId: t.invoice.id, method: "PAYPAL", idempotencyKey: randomUUID() });
    await Promise.all([answerWallet(checkoutId(a.redirectUrl), true), answerWallet(checkoutId(b.redirectUrl), true)]);
    const payments = await t.db.payment.findMany({ where: { orgId: t.org.id } });
    expect(payments.map((p) => p.status).sort()).toEqual(["REFUND_DUE", "SUCCEEDED"]);
    const kept = payments.find((p) => p.status === "SUCCEEDED")!;
    const second = payments.find((p) => p.status === "REFUND_DUE")!;
    expect(second).toMatchObject({ failureCode: "ALREADY_PAID" });
    // Not yet given back: the console says so rather than "refunded".
    expect(await sandboxRefunds(second.providerRef!)).toEqual([]);
    expect(await getPayment(t.db, t.owner, { orgId: t.org.id, paymentId: second.id })).toMatchObject({ status: "REFUND_DUE" });

    expect(await refundDuePayments(t.db)).toMatchObject({ refunded: 1 });
    expect(await sandboxRefunds(second.providerRef!)).toEqual([expect.objectContaining({ amountMinor: second.amountMinor, currency: second.currency })]);
    expect(await sandboxRefunds(kept.providerRef!)).toEqual([]);
    expect(await t.db.payment.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "REFUNDED", failureCode: "ALREADY_PAID" });
    expect(await t.db.invoice.findUniqueOrThrow({ where: { id: t.invoice.id } })).toMatchObject({ status: "PAID" });

    // The job again, and the second payment's notification replayed: nothing more is refunded or recorded.
    expect(await refundDuePayments(t.db)).toMatchObject({ refunded: 0, failed: 0 });
    const { body, signature } = sandboxNotification((await findSandboxCheckout(t.db, second.providerRef!))!);
    expect(await (await webhook(webhookRequest(body, signature))).json()).toMatchObject({ applied: false });
    expect(await refundDuePayments(t.db)).toMatchObject({ refunded: 0 });
    expect(await sandboxRefunds(second.providerRef!)).toHaveLength(1);
    expect(await t.db.payment.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "REFUNDED" });
    expect(await t.db.auditLog.count({ where: { orgId: t.org.id, action: "payment.refunded", targetId: second.id } })).toBe(1);
  });

  test("[BIL-5] an operator that refuses the refund leaves the payment REFUND_DUE, logged once in the activity, and a later run refunds it once", async () => {
    const t = await billed();
    const a = await startInvoicePayment(t.db, t.owner, { orgId: t.org.id, invoiceId: t.invoice.id, method: "TWINT", idempotencyKey: randomUUID() });
    const b = await startInvoicePayment(t.db, t.owner, { orgId: t.org.id, invoiceId: t.invoice.id, method: "TWINT", idempotencyKey: randomUUID() });
    await answerWallet(checkoutId(a.redirectUrl), true);
    await answerWallet(checkoutId(b.redirectUrl), true);
    const second = await t.db.payment.findUniqueOrThrow({ where: { id: b.paymentId } });
    expect(second.status).toBe("REFUND_DUE");
    // The sandbox operator refuses to refund a checkout it no longer counts as settled.
    const setSandboxStatus = (status: string) => t.db.$executeRaw`UPDATE sandbox.payment_checkouts SET status = ${status} WHERE id = ${second.providerRef}`;
    await setSandboxStatus("FAILED");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await refundDuePayments(t.db)).toMatchObject({ refunded: 0, failed: 1 });
      expect(await refundDuePayments(t.db)).toMatchObject({ refunded: 0, failed: 1 });
      expect(errors).toHaveBeenCalledTimes(2);
    } finally {
      errors.mockRestore();
    }
    expect(await t.db.payment.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "REFUND_DUE" });
    expect(await t.db.auditLog.count({ where: { orgId: t.org.id, action: "payment.refundFailed", targetId: second.id } })).toBe(1);
    expect(await sandboxRefunds(second.providerRef!)).toEqual([]);

    await setSandboxStatus("SUCCEEDED");
    expect(await refundDuePayments(t.db)).toMatchObject({ refunded: 1, failed: 0 });
    expect(await sandboxRefunds(second.providerRef!)).toHaveLength(1);
    expect(await t.db.payment.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "REFUNDED" });
  });

  test("[BIL-5] paying needs billing.pay: a user without billing rights and another Organization's member are refused", async () => {
    const t = await billed();
    const user = await createUser(t.db);
    await addMember(t.db, t.org.id, user.id, "USER");
    const stranger = await createOrganization(t.db);
    const input = { orgId: t.org.id, invoiceId: t.invoice.id, method: "CARD" as const, idempotencyKey: randomUUID() };
    await expect(startInvoicePayment(t.db, asUser(user.id), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startInvoicePayment(t.db, asUser(stranger.legalRepresentativeId), input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Another Organization's invoice id, from its own Organization: not found.
    await expect(startInvoicePayment(t.db, asUser(stranger.legalRepresentativeId), { ...input, orgId: stranger.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.payment.count({ where: { orgId: t.org.id } })).toBe(0);
  });

  test("[BIL-5] an order's pro-forma (IBAN chosen) is paid by the transfer it names: the card checkout is refused with a translated reason and nothing is written", async () => {
    const db = getDb();
    const org = await createOrganization(db, { country: "CH" });
    const owner = asUser(org.legalRepresentativeId);
    const [domain] = await createProducts(db, [{ orgId: org.id, name: "proforma.ch", category: "domain", priceMinor: 2000 }]);
    const placed = await placeRenewalOrder(db, owner, { orgId: org.id, idempotencyKey: randomUUID(), method: "IBAN", productIds: [domain!.id], months: [12] });
    expect(await db.invoice.findUniqueOrThrow({ where: { id: placed.invoiceId } })).toMatchObject({ kind: "PROFORMA", status: "UNPAID", orderId: placed.orderId });
    for (const method of ["CARD", "PAYPAL", "TWINT", "POSTFINANCE"] as const) {
      await expect(startInvoicePayment(db, owner, { orgId: org.id, invoiceId: placed.invoiceId, method, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "CONFLICT", message: "errors.proformaByTransfer" });
    }
    expect(await db.payment.count({ where: { orgId: org.id } })).toBe(0);
    expect(await db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).toMatchObject({ status: "PENDING" });
    // The pay-the-order path does not reach it either: the order has no invoice to pay by card.
    await expect(startOrderPayment(db, owner, { orgId: org.id, orderId: placed.orderId, method: "CARD", idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "CONFLICT" });
    // A message of the catalogues (the catalogue test keeps the four languages in step), not a generic error.
    expect(isUserKey("errors.proformaByTransfer")).toBe(true);
  });

  test("[SEC-5] a notification naming no payment, or a malformed one, is a 4xx", async () => {
    const secret = process.env.PAYMENT_WEBHOOK_SECRET!;
    const unknown = JSON.stringify({ id: "evt_1", reference: "nope", operatorRef: "cs_x", status: "SUCCEEDED", amountMinor: 1, currency: "CHF", methodType: "VISA" });
    expect((await webhook(webhookRequest(unknown, signNotification(unknown, secret, new Date())))).status).toBe(404);
    const malformed = JSON.stringify({ id: "evt_1", reference: "x", status: "MAYBE" });
    expect((await webhook(webhookRequest(malformed, signNotification(malformed, secret, new Date())))).status).toBe(400);
    await expect(receivePaymentNotification(getDb(), unknown, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
