import { randomBytes } from "node:crypto";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import type { PaymentFailure, SavedMethodCharge, SavedMethodChargeResult } from "@/lib/payments/types";
import { ensureSandboxPaymentTable } from "./store";

/**
 * What the sandbox does with an off-session charge of a saved method (BIL-9). Saved methods carry no card
 * number, so their outcome is read from the token: one ending in `_decline` is declined, one ending in
 * `_nofunds` has insufficient funds; a card past its expiry month is refused as expired; anything else pays.
 */
export function savedChargeOutcome(charge: Pick<SavedMethodCharge, "token" | "expMonth" | "expYear">, at: Date): PaymentFailure | null {
  if (charge.token.endsWith("_decline")) return "DECLINED";
  if (charge.token.endsWith("_nofunds")) return "INSUFFICIENT_FUNDS";
  if (charge.expYear && charge.expMonth) {
    // A card is valid until the last day of its expiry month.
    const end = Date.UTC(charge.expYear, charge.expMonth, 1);
    if (at.getTime() >= end) return "EXPIRED_CARD";
  }
  return null;
}

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS sandbox.saved_method_charges (
    id text PRIMARY KEY,
    idempotency_key text NOT NULL UNIQUE,
    reference text NOT NULL,
    amount_minor integer NOT NULL,
    currency text NOT NULL,
    status text NOT NULL,
    failure text,
    created_at timestamptz NOT NULL
  )`;

let ensured: Promise<unknown> | null = null;

async function ensureTable(): Promise<void> {
  const db = getDb();
  await ensureSandboxPaymentTable(db); // creates the "sandbox" schema
  ensured ??= db.$executeRawUnsafe(CREATE_TABLE).catch((err) => {
    ensured = null;
    throw err;
  });
  await ensured;
}

type Row = { id: string; status: "SUCCEEDED" | "FAILED"; failure: PaymentFailure | null };

/** One charge per idempotency key: a second call with the same key answers the first result, charging nothing. */
export async function chargeSavedMethodInSandbox(charge: SavedMethodCharge): Promise<SavedMethodChargeResult> {
  await ensureTable();
  const db = getDb();
  const at = now();
  const failure = savedChargeOutcome(charge, at);
  const id = `ch_${randomBytes(18).toString("base64url")}`;
  const [row] = await db.$queryRaw<Row[]>`
    INSERT INTO sandbox.saved_method_charges (id, idempotency_key, reference, amount_minor, currency, status, failure, created_at)
    VALUES (${id}, ${charge.idempotencyKey}, ${charge.reference}, ${charge.amountMinor}, ${charge.currency}, ${failure ? "FAILED" : "SUCCEEDED"}, ${failure}, ${at})
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id, status, failure`;
  const result = row ?? (await db.$queryRaw<Row[]>`SELECT id, status, failure FROM sandbox.saved_method_charges WHERE idempotency_key = ${charge.idempotencyKey}`)[0]!;
  return { operatorRef: result.id, status: result.status, ...(result.failure ? { failure: result.failure } : {}) };
}

/** How many charges the sandbox booked for a key (tests: a job run twice charges once). */
export async function sandboxChargesFor(reference: string): Promise<number> {
  await ensureTable();
  const [row] = await getDb().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM sandbox.saved_method_charges WHERE reference = ${reference}`;
  return row!.n;
}
