import { randomBytes } from "node:crypto";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import type { Checkout, CheckoutRequest, PaymentOperator, Refund, RefundRequest, SavedMethodCharge, SavedMethodChargeResult } from "@/lib/payments/types";
import { chargeSavedMethodInSandbox } from "./saved-charges";
import { ensureSandboxPaymentTable } from "./store";

/**
 * SANDBOX payment operator — no money moves. It behaves like a real PSP's hosted payment page so the
 * product's code paths are the real ones: the customer is sent to `/sandbox/pay/<checkout>` (served by
 * this app, clearly labelled, reachable only where the development mailbox is), types the card there
 * (test cards in lib/payments/sandbox/test-cards.ts), and the result comes back as a signed notification
 * to the Manager's webhook. A second checkout for the same payment returns the first one.
 */
export const sandboxPaymentOperator: PaymentOperator = {
  name: "sandbox",
  async createCheckout(request: CheckoutRequest): Promise<Checkout> {
    const db = getDb();
    await ensureSandboxPaymentTable(db);
    const id = `cs_${randomBytes(18).toString("base64url")}`;
    const inserted = await db.$queryRaw<{ id: string }[]>`
      INSERT INTO sandbox.payment_checkouts (id, reference, amount_minor, currency, method, description, return_url, created_at)
      VALUES (${id}, ${request.reference}, ${request.amountMinor}, ${request.currency}, ${request.method}, ${request.description}, ${request.returnUrl}, ${now()})
      ON CONFLICT (reference) DO NOTHING
      RETURNING id`;
    const operatorRef = inserted[0]?.id ?? (await db.$queryRaw<{ id: string }[]>`SELECT id FROM sandbox.payment_checkouts WHERE reference = ${request.reference}`)[0]!.id;
    return { operatorRef, redirectUrl: this.checkoutUrl(operatorRef) };
  },
  checkoutUrl(operatorRef: string): string {
    // Served by this app, so a path: the customer stays on the origin their session cookie belongs to.
    return `/sandbox/pay/${encodeURIComponent(operatorRef)}`;
  },
  chargeSavedMethod(charge: SavedMethodCharge): Promise<SavedMethodChargeResult> {
    return chargeSavedMethodInSandbox(charge);
  },

  async refund(request: RefundRequest): Promise<Refund> {
    const db = getDb();
    await ensureSandboxPaymentTable(db);
    const [checkout] = await db.$queryRaw<{ amount_minor: number; currency: string; status: string }[]>`
      SELECT amount_minor, currency, status FROM sandbox.payment_checkouts WHERE id = ${request.operatorRef}`;
    if (!checkout || checkout.status !== "SUCCEEDED") throw new Error(`Sandbox: no settled payment ${request.operatorRef} to refund`);
    if (checkout.amount_minor !== request.amountMinor || checkout.currency !== request.currency) throw new Error("Sandbox: a refund is of the whole amount, in the payment's currency");
    const id = `re_${randomBytes(18).toString("base64url")}`;
    // A second refund of the same checkout (or with the same key) finds the first one.
    await db.$executeRaw`
      INSERT INTO sandbox.payment_refunds (id, checkout_id, idempotency_key, amount_minor, currency, created_at)
      VALUES (${id}, ${request.operatorRef}, ${request.idempotencyKey}, ${request.amountMinor}, ${request.currency}, ${now()})
      ON CONFLICT DO NOTHING`;
    const [row] = await db.$queryRaw<{ id: string }[]>`SELECT id FROM sandbox.payment_refunds WHERE checkout_id = ${request.operatorRef}`;
    return { refundRef: row!.id };
  },
};

/** The sandbox's refunds of a checkout (tests and the mailbox page read them; a real operator has its own records). */
export async function sandboxRefunds(operatorRef: string): Promise<{ id: string; amountMinor: number; currency: string }[]> {
  const db = getDb();
  await ensureSandboxPaymentTable(db);
  const rows = await db.$queryRaw<{ id: string; amount_minor: number; currency: string }[]>`
    SELECT id, amount_minor, currency FROM sandbox.payment_refunds WHERE checkout_id = ${operatorRef}`;
  return rows.map((r) => ({ id: r.id, amountMinor: r.amount_minor, currency: r.currency }));
}
