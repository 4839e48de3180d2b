import { DAY, now } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import type { InvoiceKind } from "@/lib/generated/prisma/enums";
import { vatAmount, vatFor } from "./vat-rules";

export type IssueLine = { description: string; unitPriceMinor: number; quantity?: number; periodMonths?: number | null; productId?: string | null };

export type IssueInvoiceInput = {
  orgId: string;
  kind?: InvoiceKind;
  lines: IssueLine[];
  orderId?: string | null;
  /** Days until the due date (BIL-1 counts from there). */
  dueDays?: number;
  /** BIL-6: the pro-forma of an IBAN top-up carries its idempotency key; a deposit bears no VAT (the invoices it pays do). */
  prepaidTopUpKey?: string;
};

const PREFIX: Record<InvoiceKind, string> = { INVOICE: "INV", PROFORMA: "PRO" };

/**
 * The next number of the kind's yearly sequence, taken in the caller's transaction: the year's row stays
 * locked until it commits, so concurrent issues queue and numbers have no gaps (a rolled-back issue gives
 * its number back).
 */
export async function allocateInvoiceNumber(tx: Tx, kind: InvoiceKind, year: number): Promise<string> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "InvoiceSequence" ("kind", "year", "last") VALUES (${kind}::"InvoiceKind", ${year}, 1)
    ON CONFLICT ("kind", "year") DO UPDATE SET "last" = "InvoiceSequence"."last" + 1
    RETURNING "last"`;
  return `${PREFIX[kind]}-${year}-${String(row!.last).padStart(6, "0")}`;
}

/**
 * Issues an invoice (or a pro-forma) in the caller's transaction; the caller has checked access. Amounts
 * are integer minor units in the Organization's currency (BIL-7); VAT follows the rule table
 * (vat-rules.ts, VAT-3); the billing address (the default one, else the Organization's) and the VAT
 * number are copied onto the invoice as they are now.
 */
export async function issueInvoice(tx: Tx, input: IssueInvoiceInput) {
  const org = await tx.organization.findUniqueOrThrow({
    where: { id: input.orgId },
    select: { id: true, name: true, country: true, currency: true, street: true, postalCode: true, city: true, vatNumber: true, vatNumberValid: true, billingAddresses: { where: { isDefault: true }, take: 1 } },
  });
  const kind = input.kind ?? "INVOICE";
  const issuedAt = now();
  const number = await allocateInvoiceNumber(tx, kind, issuedAt.getUTCFullYear());
  const lines = input.lines.map((l) => ({ ...l, quantity: l.quantity ?? 1, amountMinor: (l.quantity ?? 1) * l.unitPriceMinor }));
  const subtotalMinor = lines.reduce((sum, l) => sum + l.amountMinor, 0);
  const vat = input.prepaidTopUpKey ? { rateBp: 0, reverseCharge: false } : vatFor(org);
  const vatMinor = vatAmount(subtotalMinor, vat.rateBp);
  const address = org.billingAddresses[0];
  const billingSnapshot = address
    ? { name: address.name, street: address.street, postalCode: address.postalCode, city: address.city, country: address.country }
    : { name: org.name, street: org.street, postalCode: org.postalCode, city: org.city, country: org.country };
  return tx.invoice.create({
    data: {
      orgId: org.id,
      orderId: input.orderId ?? null,
      number,
      kind,
      currency: org.currency,
      subtotalMinor,
      vatRateBp: vat.rateBp,
      vatMinor,
      totalMinor: subtotalMinor + vatMinor,
      reverseCharge: vat.reverseCharge,
      vatNumber: org.vatNumber && org.vatNumberValid ? org.vatNumber : null,
      billingSnapshot,
      issuedAt,
      dueAt: new Date(issuedAt.getTime() + (input.dueDays ?? 30) * DAY),
      prepaidTopUpKey: input.prepaidTopUpKey ?? null,
      lines: { create: lines.map((l) => ({ description: l.description, quantity: l.quantity, periodMonths: l.periodMonths ?? null, unitPriceMinor: l.unitPriceMinor, amountMinor: l.amountMinor, productId: l.productId ?? null })) },
    },
    include: { lines: true },
  });
}
