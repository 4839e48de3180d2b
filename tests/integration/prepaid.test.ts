import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { answerWallet, payWithCard, sandboxNotification } from "@/lib/payments/sandbox/hosted-page";
import { findSandboxCheckout } from "@/lib/payments/sandbox/store";
import { receivePaymentNotification } from "@/lib/payments/receive-notification";
import { startInvoicePayment } from "@/lib/payments/start-invoice-payment";
import { payFromPrepaid } from "@/lib/prepaid/pay-from-prepaid";
import { prepaidAccount } from "@/lib/prepaid/prepaid-balance";
import { startTopUp } from "@/lib/prepaid/start-top-up";
import { createInvoices, createOrganization } from "../factories";
import { asUser } from "./support/api";

const checkoutId = (redirectUrl: string) => decodeURIComponent(redirectUrl.split("/").pop()!);

/** An Organization with a prepaid balance. */
async function prepaidOrg(balanceMinor: number, country = "US") {
  const db = getDb();
  const org = await createOrganization(db, { country });
  if (balanceMinor) await db.prepaidEntry.create({ data: { orgId: org.id, kind: "TOPUP", amountMinor: balanceMinor, currency: org.currency } });
  return { db, org, owner: asUser(org.legalRepresentativeId) };
}

describe("Prepaid account (BIL-5, BIL-6)", () => {
  test("[BIL-6] 25 concurrent spends never take the balance below zero", async () => {
    const t = await prepaidOrg(500);
    const invoices = await createInvoices(t.db, Array.from({ length: 25 }, () => ({ org: t.org, status: "UNPAID" as const, lines: [{ description: "Mail", unitPriceMinor: 120 }] })));
    const results = await Promise.allSettled(invoices.map((i) => payFromPrepaid(t.db, t.owner, { orgId: t.org.id, invoiceId: i.id, idempotencyKey: randomUUID() })));
    const spent = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.spentMinor] : []));
    expect(spent.reduce((a, b) => a + b, 0)).toBe(500);
    // As many invoices paid in full as the balance covers, one in part, the others refused: the balance is empty.
    const total = invoices[0]!.totalMinor;
    const full = Math.floor(500 / total);
    expect(spent.sort((a, b) => a - b)).toEqual([500 - full * total, ...Array.from({ length: full }, () => total)]);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT", message: "errors.prepaidEmpty" });
    const account = await prepaidAccount(t.db, t.owner, { orgId: t.org.id });
    expect(account.balanceMinor).toBe(0);
    expect(await t.db.invoice.count({ where: { orgId: t.org.id, status: "PAID" } })).toBe(full);
  });

  test("[BIL-5] an invoice paid half from the prepaid balance and the rest by Twint; the Twint payment charges only what is due", async () => {
    const t = await prepaidOrg(0, "CH");
    const [invoice] = await createInvoices(t.db, [{ org: t.org, status: "UNPAID", lines: [{ description: "Hosting", unitPriceMinor: 10_000 }] }]);
    const half = Math.floor(invoice.totalMinor / 2);
    await t.db.prepaidEntry.create({ data: { orgId: t.org.id, kind: "TOPUP", amountMinor: half, currency: t.org.currency } });
    const part = await payFromPrepaid(t.db, t.owner, { orgId: t.org.id, invoiceId: invoice.id, idempotencyKey: randomUUID() });
    expect(part).toEqual({ spentMinor: half, remainingMinor: invoice.totalMinor - half, balanceMinor: 0 });
    expect((await t.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("UNPAID");
    const twint = await startInvoicePayment(t.db, t.owner, { orgId: t.org.id, invoiceId: invoice.id, method: "TWINT", idempotencyKey: randomUUID() });
    expect((await t.db.payment.findUniqueOrThrow({ where: { id: twint.paymentId } })).amountMinor).toBe(invoice.totalMinor - half);
    await answerWallet(checkoutId(twint.redirectUrl), true);
    expect((await t.db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
    const account = await prepaidAccount(t.db, t.owner, { orgId: t.org.id });
    expect(account.entries.map((e) => [e.kind, e.amountMinor])).toEqual([
      ["SPEND", -half],
      ["TOPUP", half],
    ]);
  });

  test("[BIL-6] a top-up is 0.10 to 9,999 in the Organization's currency; a card top-up credits the ledger once, however often the notification comes", async () => {
    const t = await prepaidOrg(0, "CH");
    for (const amount of ["0.09", "0", "9999.01", "10000", "abc", "-1", "1.234"]) {
      await expect(startTopUp(t.db, t.owner, { orgId: t.org.id, amount, method: "CARD", idempotencyKey: randomUUID() }), amount).rejects.toMatchObject({ name: expect.stringMatching(/ZodError|AppError/) });
    }
    await expect(startTopUp(t.db, t.owner, { orgId: t.org.id, amount: "10000", method: "CARD", idempotencyKey: randomUUID() })).rejects.toMatchObject({ fieldErrors: { amount: ["prepaid.errors.topUpRange"] } });
    const min = await startTopUp(t.db, t.owner, { orgId: t.org.id, amount: "0.10", method: "CARD", idempotencyKey: randomUUID() });
    const max = await startTopUp(t.db, t.owner, { orgId: t.org.id, amount: "9999", method: "POSTFINANCE", idempotencyKey: randomUUID() });
    await payWithCard(checkoutId(min.redirectUrl), { number: "4242424242424242", expiry: "12/30", cvc: "123" });
    await payWithCard(checkoutId(max.redirectUrl), { number: "6703000000000007", expiry: "12/30", cvc: "123" });
    const { body, signature } = sandboxNotification((await findSandboxCheckout(t.db, checkoutId(min.redirectUrl)))!);
    for (let i = 0; i < 3; i++) await receivePaymentNotification(t.db, body, signature);
    expect((await prepaidAccount(t.db, t.owner, { orgId: t.org.id })).balanceMinor).toBe(10 + 999_900);

    const eur = await prepaidOrg(0, "FR");
    await expect(startTopUp(eur.db, eur.owner, { orgId: eur.org.id, amount: "10", method: "POSTFINANCE", idempotencyKey: randomUUID() })).rejects.toMatchObject({ fieldErrors: { method: ["billing.postFinanceChfOnly"] } });
  });
});
