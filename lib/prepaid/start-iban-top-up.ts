import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { startTopUpSchema, topUpAmountMinor, type StartTopUpInput } from "./start-top-up";

export type StartedIbanTopUp = { invoiceId: string; number: string; redirectUrl: string };

/**
 * BIL-6: a top-up by IBAN transfer. A pro-forma for the amount, in the Organization's currency and without
 * VAT (a deposit; the invoices it pays carry the VAT), shows the provider's bank details, the QR-bill in CHF
 * and its number as the transfer's reference; nothing is credited until staff book the transfer that
 * arrived against that number (record-transfer.ts). The same idempotency key issues one pro-forma.
 */
export async function startIbanTopUp(db: Db, actor: Actor, raw: StartTopUpInput): Promise<StartedIbanTopUp> {
  const input = startTopUpSchema.parse(raw);
  if (input.method !== "IBAN") throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { method: ["prepaid.errors.chooseMethod"] });
  const amountMinor = topUpAmountMinor(input.amount);
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.pay");
    // Two requests with one key at once: the second waits here, then finds the first one's pro-forma.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`topup:${input.idempotencyKey}`}))`;
    const existing = await tx.invoice.findUnique({ where: { prepaidTopUpKey: input.idempotencyKey }, select: { id: true, orgId: true, number: true } });
    if (existing) {
      if (existing.orgId !== me.orgId) throw new AppError("CONFLICT");
      return { invoiceId: existing.id, number: existing.number, redirectUrl: `/${me.orgId}/invoices/${existing.id}` };
    }
    const invoice = await issueInvoice(tx, {
      orgId: me.orgId,
      kind: "PROFORMA",
      lines: [{ description: "Prepaid account top-up", unitPriceMinor: amountMinor }],
      prepaidTopUpKey: input.idempotencyKey,
    });
    await audit(tx, actor, { action: "invoice.topUpProformaIssued", orgId: me.orgId, targetId: invoice.id, metadata: { invoice: invoice.number, amountMinor, currency: invoice.currency } });
    return { invoiceId: invoice.id, number: invoice.number, redirectUrl: `/${me.orgId}/invoices/${invoice.id}` };
  });
}
