import type { Invoice, InvoiceLine, Organization, Prisma } from "@/lib/generated/prisma/client";
import { isEu } from "../../lib/accounts/countries";
import { DAY, now } from "../../lib/clock";
import { unique, type DbOrTx } from "./unique";

export type InvoiceOrg = Pick<
  Organization,
  "id" | "name" | "country" | "currency" | "street" | "postalCode" | "city" | "vatNumber" | "vatNumberValid"
>;

export type InvoiceLineInput = {
  description: string;
  unitPriceMinor: number;
  quantity?: number;
  periodMonths?: number;
  productId?: string;
};

export type InvoiceInput = Partial<
  Pick<Prisma.InvoiceCreateManyInput, "number" | "kind" | "status" | "issuedAt" | "dueAt" | "paidAt" | "orderId">
> & { org: InvoiceOrg; lines?: InvoiceLineInput[]; reverseCharge?: boolean };

/** The provider is Swiss, so any valid EU number belongs to a non-home-country company (VAT-3). */
export function isReverseCharge(org: InvoiceOrg): boolean {
  return Boolean(org.vatNumber && org.vatNumberValid && isEu(org.country));
}

/** Simplified rates for test data: Swiss 8.1 %, a flat 20 % elsewhere, none under reverse charge. */
export function vatRateBp(org: InvoiceOrg, reverseCharge: boolean): number {
  if (reverseCharge) return 0;
  return org.country === "CH" ? 810 : 2000;
}

export type InvoiceWithLines = Invoice & { lines: InvoiceLine[] };

/** Several invoices and all their lines in two INSERTs, whatever their number. */
export async function createInvoices(db: DbOrTx, inputs: InvoiceInput[]): Promise<InvoiceWithLines[]> {
  const drafts = inputs.map(invoiceDraft);
  const invoices = await db.invoice.createManyAndReturn({ data: drafts.map((d) => d.invoice) });
  const idByNumber = new Map(invoices.map((i) => [i.number, i.id]));
  const lines = await db.invoiceLine.createManyAndReturn({
    data: drafts.flatMap((d) => d.lines.map((line) => ({ ...line, invoiceId: idByNumber.get(d.invoice.number) as string }))),
  });
  return drafts.map(({ invoice: { number } }) => {
    const invoice = invoices.find((i) => i.number === number) as Invoice;
    return { ...invoice, lines: lines.filter((l) => l.invoiceId === invoice.id) };
  });
}

export async function createInvoice(db: DbOrTx, input: InvoiceInput): Promise<InvoiceWithLines> {
  const [invoice] = await createInvoices(db, [input]);
  return invoice;
}

function invoiceDraft(input: InvoiceInput) {
  const { org, lines = [{ description: "Domain renewal", unitPriceMinor: 1500 }], ...overrides } = input;
  const reverseCharge = input.reverseCharge ?? isReverseCharge(org);
  const lineData = lines.map((l) => ({ ...l, quantity: l.quantity ?? 1, amountMinor: (l.quantity ?? 1) * l.unitPriceMinor }));
  const subtotalMinor = lineData.reduce((sum, l) => sum + l.amountMinor, 0);
  const rate = vatRateBp(org, reverseCharge);
  const vatMinor = Math.round((subtotalMinor * rate) / 10_000);
  const issuedAt = overrides.issuedAt ? new Date(overrides.issuedAt) : now();
  const invoice = {
    number: `INV-${issuedAt.getUTCFullYear()}-${unique("T")}`,
    dueAt: new Date(issuedAt.getTime() + 30 * DAY),
    paidAt: overrides.status === "PAID" ? issuedAt : null,
    ...overrides,
    issuedAt,
    orgId: org.id,
    currency: org.currency,
    subtotalMinor,
    vatRateBp: rate,
    vatMinor,
    totalMinor: subtotalMinor + vatMinor,
    reverseCharge,
    vatNumber: org.vatNumber,
    billingSnapshot: billingSnapshot(org),
  };
  return { invoice, lines: lineData };
}

function billingSnapshot(org: InvoiceOrg) {
  return { name: org.name, street: org.street, postalCode: org.postalCode, city: org.city, country: org.country };
}
