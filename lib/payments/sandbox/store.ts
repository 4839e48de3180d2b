import type { Db } from "@/lib/db";
import type { Currency } from "@/lib/generated/prisma/enums";
import type { CheckoutMethod, PaymentFailure } from "@/lib/payments/types";

export type SandboxCheckoutStatus = "OPEN" | "CHALLENGE" | "SUCCEEDED" | "FAILED";

export type SandboxCheckout = {
  id: string;
  reference: string;
  amountMinor: number;
  currency: Currency;
  method: CheckoutMethod;
  description: string;
  returnUrl: string;
  status: SandboxCheckoutStatus;
  failure: PaymentFailure | null;
  brand: string | null;
  last4: string | null;
  expMonth: number | null;
  expYear: number | null;
  /** Paid but flagged as suspicious (test card 4000 0000 0000 9235): the Manager holds the order (IDV-4). */
  held: boolean;
  createdAt: Date;
};

// Deliberately outside the Prisma schema, in the "sandbox" schema next to the mail catcher and the SMS
// sandbox: it stands in for the operator's own records, it is not product data. Even here no card
// number is kept: brand, last 4 digits and expiry only.
const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS sandbox.payment_checkouts (
    id text PRIMARY KEY,
    reference text NOT NULL UNIQUE,
    amount_minor integer NOT NULL,
    currency text NOT NULL,
    method text NOT NULL,
    description text NOT NULL,
    return_url text NOT NULL,
    status text NOT NULL DEFAULT 'OPEN',
    failure text,
    brand text,
    last4 text,
    exp_month integer,
    exp_year integer,
    created_at timestamptz NOT NULL,
    finished_at timestamptz
  )`;
// Added after the first release of the table: data folders made before it get the column too.
const ADD_HELD = `ALTER TABLE sandbox.payment_checkouts ADD COLUMN IF NOT EXISTS held boolean NOT NULL DEFAULT false`;
// One full refund per checkout at most, whatever the retries (the key is unique as well).
const CREATE_REFUNDS = `
  CREATE TABLE IF NOT EXISTS sandbox.payment_refunds (
    id text PRIMARY KEY,
    checkout_id text NOT NULL UNIQUE REFERENCES sandbox.payment_checkouts(id),
    idempotency_key text NOT NULL UNIQUE,
    amount_minor integer NOT NULL,
    currency text NOT NULL,
    created_at timestamptz NOT NULL
  )`;

let ensured: Promise<unknown> | null = null;

/**
 * Creates the sandbox's tables in this database now (the seed, which may run against a database of its own).
 * `IF NOT EXISTS` alone races when two processes start at once (both miss the type, one fails): the
 * statements run in one transaction behind an advisory lock, so the second finds everything in place.
 */
export async function createSandboxPaymentTables(db: Db): Promise<void> {
  try {
    await db.$executeRawUnsafe("CREATE SCHEMA IF NOT EXISTS sandbox");
  } catch {
    // The mail catcher or the SMS sandbox creating the schema at the same moment: it exists now.
  }
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('sandbox.payment_tables'))");
    await tx.$executeRawUnsafe(CREATE_TABLE);
    await tx.$executeRawUnsafe(ADD_HELD);
    await tx.$executeRawUnsafe(CREATE_REFUNDS);
  });
}

export async function ensureSandboxPaymentTable(db: Db): Promise<void> {
  ensured ??= createSandboxPaymentTables(db).catch((err) => {
    ensured = null;
    throw err;
  });
  await ensured;
}

type Row = {
  id: string;
  reference: string;
  amount_minor: number;
  currency: Currency;
  method: CheckoutMethod;
  description: string;
  return_url: string;
  status: SandboxCheckoutStatus;
  failure: PaymentFailure | null;
  brand: string | null;
  last4: string | null;
  exp_month: number | null;
  exp_year: number | null;
  held: boolean;
  created_at: Date;
};

export function fromRow(r: Row): SandboxCheckout {
  return {
    id: r.id,
    reference: r.reference,
    amountMinor: r.amount_minor,
    currency: r.currency,
    method: r.method,
    description: r.description,
    returnUrl: r.return_url,
    status: r.status,
    failure: r.failure,
    brand: r.brand,
    last4: r.last4,
    expMonth: r.exp_month,
    expYear: r.exp_year,
    held: r.held,
    createdAt: r.created_at,
  };
}

export async function findSandboxCheckout(db: Db, id: string): Promise<SandboxCheckout | null> {
  await ensureSandboxPaymentTable(db);
  const [row] = await db.$queryRaw<Row[]>`SELECT * FROM sandbox.payment_checkouts WHERE id = ${id}`;
  return row ? fromRow(row) : null;
}

export type SandboxRow = Row;
