import { randomBytes } from "node:crypto";
import { z } from "zod";
import { now } from "@/lib/clock";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import type { PaymentMethodType } from "@/lib/generated/prisma/enums";
import { signNotification } from "@/lib/payments/notification-signature";
import { receivePaymentNotification } from "@/lib/payments/receive-notification";
import type { PaymentFailure, PaymentNotification, SavedMethod } from "@/lib/payments/types";
import { ensureSandboxPaymentTable, findSandboxCheckout, fromRow, type SandboxCheckout, type SandboxRow } from "./store";
import { cardBrand, CHALLENGE_CODE, luhnValid, TEST_CARDS } from "./test-cards";

/**
 * What the sandbox's hosted page does with what the customer typed there. This is the operator's side:
 * the card number is read here, used to pick the outcome, and dropped — only brand, last 4 digits and
 * expiry are kept, and the Manager learns them from the signed notification.
 */

export const cardFormSchema = z.object({
  number: z.string().transform((v) => v.replace(/[\s-]/g, "")).pipe(z.string().regex(/^\d{12,19}$/, "number")),
  expiry: z.string().trim().regex(/^(0[1-9]|1[0-2])\s*\/\s*\d{2}$/, "expiry"),
  cvc: z.string().trim().regex(/^\d{3,4}$/, "cvc"),
});

export type SandboxAnswer = { checkout: SandboxCheckout; error?: "number" | "expiry" | "cvc" | "code" };

type Finish = { status: "SUCCEEDED" | "FAILED"; held?: boolean; failure?: PaymentFailure; brand?: PaymentMethodType; last4?: string; expMonth?: number; expYear?: number };

/** Moves an open checkout to its final state once (the first answer wins), then notifies the Manager. */
async function finish(checkout: SandboxCheckout, f: Finish): Promise<SandboxCheckout> {
  const db = getDb();
  const rows = await db.$queryRaw<SandboxRow[]>`
    UPDATE sandbox.payment_checkouts
    SET status = ${f.status}, held = ${f.held ?? false}, failure = ${f.failure ?? null}, brand = COALESCE(${f.brand ?? null}, brand), last4 = COALESCE(${f.last4 ?? null}, last4),
        exp_month = COALESCE(${f.expMonth ?? null}::int, exp_month), exp_year = COALESCE(${f.expYear ?? null}::int, exp_year), finished_at = ${now()}
    WHERE id = ${checkout.id} AND status IN ('OPEN', 'CHALLENGE')
    RETURNING *`;
  if (!rows[0]) return (await findSandboxCheckout(db, checkout.id))!;
  const done = fromRow(rows[0]);
  await deliverNotification(done);
  return done;
}

function methodTypeOf(c: SandboxCheckout): PaymentMethodType {
  if (c.method === "PAYPAL" || c.method === "TWINT") return c.method;
  return (c.brand as PaymentMethodType | null) ?? (c.method === "POSTFINANCE" ? "POSTFINANCE" : "CARD");
}

/** The notification the operator sends for a finished checkout, signed with the shared secret. */
export function sandboxNotification(c: SandboxCheckout): { body: string; signature: string } {
  const methodType = methodTypeOf(c);
  // Cards and Twint profiles are saved as reusable methods (BIL-5); PayPal is approved each time.
  const saved: SavedMethod | undefined =
    c.status === "SUCCEEDED" && methodType !== "PAYPAL"
      ? { type: methodType, token: `sbx_pm_${randomBytes(12).toString("base64url")}`, last4: c.last4 ?? undefined, expMonth: c.expMonth ?? undefined, expYear: c.expYear ?? undefined }
      : undefined;
  const notification: PaymentNotification = {
    id: `evt_${c.id}`,
    reference: c.reference,
    operatorRef: c.id,
    status: c.status === "SUCCEEDED" ? "SUCCEEDED" : "FAILED",
    amountMinor: c.amountMinor,
    currency: c.currency,
    methodType,
    ...(c.failure ? { failure: c.failure } : {}),
    ...(saved ? { saved } : {}),
    ...(c.held && c.status === "SUCCEEDED" ? { held: true } : {}),
  };
  const body = JSON.stringify(notification);
  return { body, signature: signNotification(body, config.paymentWebhookSecret, now()) };
}

/**
 * Delivers the notification the way the webhook route receives it (same body, same signature check).
 * In-process rather than over HTTP, so it also works where no server listens (tests, jobs).
 */
export async function deliverNotification(c: SandboxCheckout): Promise<void> {
  const { body, signature } = sandboxNotification(c);
  await receivePaymentNotification(getDb(), body, signature);
}

export async function payWithCard(id: string, form: Record<string, unknown>): Promise<SandboxAnswer | null> {
  const db = getDb();
  await ensureSandboxPaymentTable(db);
  const checkout = await findSandboxCheckout(db, id);
  if (!checkout) return null;
  if (checkout.status !== "OPEN" || (checkout.method !== "CARD" && checkout.method !== "POSTFINANCE")) return { checkout };
  const parsed = cardFormSchema.safeParse(form);
  if (!parsed.success) return { checkout, error: parsed.error.issues[0]!.message as "number" | "expiry" | "cvc" };
  const { number, expiry } = parsed.data;
  if (!luhnValid(number)) return { checkout, error: "number" };
  const [mm, yy] = expiry.split("/").map((p) => Number(p.trim()));
  const card = { last4: number.slice(-4), expMonth: mm!, expYear: 2000 + yy!, brand: cardBrand(number) ?? undefined };
  const at = now();
  const expired = card.expYear < at.getUTCFullYear() || (card.expYear === at.getUTCFullYear() && card.expMonth < at.getUTCMonth() + 1);
  // A PostFinance checkout takes PostFinance cards only, and a card checkout every other scheme.
  const wrongScheme = !card.brand || (checkout.method === "POSTFINANCE") !== (card.brand === "POSTFINANCE");
  const outcome = expired ? { kind: "fail" as const, failure: "EXPIRED_CARD" as const } : wrongScheme ? { kind: "fail" as const, failure: "DECLINED" as const } : (TEST_CARDS[number] ?? { kind: "pay" as const });
  if (outcome.kind === "fail") return { checkout: await finish(checkout, { status: "FAILED", failure: outcome.failure, ...card }) };
  if (outcome.kind === "pay") return { checkout: await finish(checkout, { status: "SUCCEEDED", ...card }) };
  if (outcome.kind === "hold") return { checkout: await finish(checkout, { status: "SUCCEEDED", held: true, ...card }) };
  const [row] = await db.$queryRaw<SandboxRow[]>`
    UPDATE sandbox.payment_checkouts SET status = 'CHALLENGE', brand = ${card.brand ?? null}, last4 = ${card.last4}, exp_month = ${card.expMonth}, exp_year = ${card.expYear}
    WHERE id = ${id} AND status = 'OPEN' RETURNING *`;
  return { checkout: row ? fromRow(row) : (await findSandboxCheckout(db, id))! };
}

/** The 3-D Secure step: the bank's code, or a cancellation. */
export async function answerChallenge(id: string, code: string | null): Promise<SandboxAnswer | null> {
  const checkout = await findSandboxCheckout(getDb(), id);
  if (!checkout) return null;
  if (checkout.status !== "CHALLENGE") return { checkout };
  if (code === CHALLENGE_CODE) return { checkout: await finish(checkout, { status: "SUCCEEDED" }) };
  return { checkout: await finish(checkout, { status: "FAILED", failure: code === null ? "CANCELLED" : "AUTHENTICATION_FAILED" }) };
}

/** PayPal's approve / cancel page, Twint's "confirmed in the app" (or cancelled) after the QR code. */
export async function answerWallet(id: string, approve: boolean): Promise<SandboxAnswer | null> {
  const checkout = await findSandboxCheckout(getDb(), id);
  if (!checkout) return null;
  if (checkout.status !== "OPEN" || (checkout.method !== "PAYPAL" && checkout.method !== "TWINT")) return { checkout };
  return { checkout: await finish(checkout, approve ? { status: "SUCCEEDED" } : { status: "FAILED", failure: "CANCELLED" }) };
}

/** A card checkout cancelled from the hosted page (the customer changed their mind). */
export async function cancelCheckout(id: string): Promise<SandboxAnswer | null> {
  const checkout = await findSandboxCheckout(getDb(), id);
  if (!checkout) return null;
  if (checkout.status !== "OPEN" && checkout.status !== "CHALLENGE") return { checkout };
  return { checkout: await finish(checkout, { status: "FAILED", failure: "CANCELLED" }) };
}
