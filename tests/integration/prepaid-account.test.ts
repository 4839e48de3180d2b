import { randomUUID } from "node:crypto";
import { createTranslator } from "use-intl/core";
import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { mapError } from "@/lib/http/map-error";
import frMessages from "@/lib/i18n/messages/fr.json";
import { translateError } from "@/lib/http/translate-error";
import { answerWallet, payWithCard, sandboxNotification } from "@/lib/payments/sandbox/hosted-page";
import { findSandboxCheckout } from "@/lib/payments/sandbox/store";
import { receivePaymentNotification } from "@/lib/payments/receive-notification";
import { startInvoicePayment } from "@/lib/payments/start-invoice-payment";
import { invoicePrepaid } from "@/lib/prepaid/invoice-prepaid";
import { payFromPrepaid } from "@/lib/prepaid/pay-from-prepaid";
import { prepaidAccount } from "@/lib/prepaid/prepaid-balance";
import { startTopUp } from "@/lib/prepaid/start-top-up";
import { addMember, createInvoice, createOrganization, createUser } from "../factories";
import { asUser } from "./support/api";

const checkoutId = (redirectUrl: string) => decodeURIComponent(redirectUrl.split("/").pop()!);

/** An Organization (CHF unless `country` says otherwise) with a prepaid balance and an unpaid invoice of `totalLine` before VAT. */
async function world(balanceMinor: number, country = "CH") {
  const db = getDb();
  const org = await createOrganization(db, { country });
  if (balanceMinor) await db.prepaidEntry.create({ data: { orgId: org.id, kind: "TOPUP", amountMinor: balanceMinor, currency: org.currency } });
  const invoice = await createInvoice(db, { org, status: "UNPAID", lines: [{ description: "Hosting", unitPriceMinor: 10_000 }] });
  return { db, org, invoice, owner: asUser(org.legalRepresentativeId) };
}

const balanceOf = async (w: Awaited<ReturnType<typeof world>>) => (await prepaidAccount(w.db, w.owner, { orgId: w.org.id })).balanceMinor;

describe("Prepaid account page and paying from it (BIL-5, BIL-6)", () => {
  test("[BIL-6] a top-up sent twice with one key is one payment; its notification replayed 5 times credits the balance once, shown in the history with its method", async () => {
    const w = await world(0);
    const key = randomUUID();
    const first = await startTopUp(w.db, w.owner, { orgId: w.org.id, amount: "25,50", method: "CARD", idempotencyKey: key });
    const again = await startTopUp(w.db, w.owner, { orgId: w.org.id, amount: "25,50", method: "CARD", idempotencyKey: key });
    expect(again).toEqual(first);
    await payWithCard(checkoutId(first.redirectUrl), { number: "4242424242424242", expiry: "12/30", cvc: "123" });
    const { body, signature } = sandboxNotification((await findSandboxCheckout(w.db, checkoutId(first.redirectUrl)))!);
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await receivePaymentNotification(w.db, body, signature));
    expect(outcomes.filter((o) => o.applied)).toHaveLength(0); // the sandbox delivered it already when the card was accepted
    const account = await prepaidAccount(w.db, w.owner, { orgId: w.org.id });
    expect(account.balanceMinor).toBe(2_550);
    expect(account.entries.map((e) => [e.kind, e.amountMinor, e.paymentId, e.methodType])).toEqual([["TOPUP", 2_550, first.paymentId, "VISA"]]);
    expect(await w.db.payment.count({ where: { orgId: w.org.id } })).toBe(1);
  });

  test("[BIL-5] a balance smaller than the invoice pays its part once, however often it is submitted; the rest stays due and the pay form charges only the rest", async () => {
    const w = await world(3_000);
    const total = w.invoice.totalMinor;
    const before = await invoicePrepaid(w.db, w.owner, { orgId: w.org.id, invoiceId: w.invoice.id });
    expect(before).toEqual({ currency: "CHF", dueMinor: total, paidMinor: 0, balanceMinor: 3_000, coverMinor: 3_000 });
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 3 }, () => payFromPrepaid(w.db, w.owner, { orgId: w.org.id, invoiceId: w.invoice.id, idempotencyKey: key })));
    for (const r of results) expect(r.spentMinor).toBe(3_000);
    expect(await balanceOf(w)).toBe(0);
    const after = await invoicePrepaid(w.db, w.owner, { orgId: w.org.id, invoiceId: w.invoice.id });
    expect(after).toEqual({ currency: "CHF", dueMinor: total - 3_000, paidMinor: 3_000, balanceMinor: 0, coverMinor: 0 });
    expect((await w.db.invoice.findUniqueOrThrow({ where: { id: w.invoice.id } })).status).toBe("UNPAID");
    const twint = await startInvoicePayment(w.db, w.owner, { orgId: w.org.id, invoiceId: w.invoice.id, method: "TWINT", idempotencyKey: randomUUID() });
    expect((await w.db.payment.findUniqueOrThrow({ where: { id: twint.paymentId } })).amountMinor).toBe(total - 3_000);
    await answerWallet(checkoutId(twint.redirectUrl), true);
    expect((await w.db.invoice.findUniqueOrThrow({ where: { id: w.invoice.id } })).status).toBe("PAID");
    const history = await prepaidAccount(w.db, w.owner, { orgId: w.org.id });
    expect(history.entries[0]).toMatchObject({ kind: "SPEND", amountMinor: -3_000, invoice: { id: w.invoice.id, number: w.invoice.number } });
  });

  test("[BIL-5] a checkout opened for the whole invoice before the balance paid a part: what it takes beyond the rest due goes back to the prepaid account", async () => {
    const w = await world(3_000);
    const twint = await startInvoicePayment(w.db, w.owner, { orgId: w.org.id, invoiceId: w.invoice.id, method: "TWINT", idempotencyKey: randomUUID() });
    await payFromPrepaid(w.db, w.owner, { orgId: w.org.id, invoiceId: w.invoice.id, idempotencyKey: randomUUID() });
    expect(await balanceOf(w)).toBe(0);
    await answerWallet(checkoutId(twint.redirectUrl), true);
    expect((await w.db.invoice.findUniqueOrThrow({ where: { id: w.invoice.id } })).status).toBe("PAID");
    const account = await prepaidAccount(w.db, w.owner, { orgId: w.org.id });
    expect(account.balanceMinor).toBe(3_000);
    expect(account.entries[0]).toMatchObject({ kind: "REFUND", amountMinor: 3_000, paymentId: twint.paymentId, invoice: { id: w.invoice.id } });
  });

  test("[BIL-6] an amount outside 0.10 … 9,999 or not a number is refused with the range, in the user's words, on the amount field; nothing is written", async () => {
    const w = await world(0);
    const keyOnly = (key: string) => key;
    for (const amount of ["0.05", "10000", "12,345", "ten"]) {
      const err = await startTopUp(w.db, w.owner, { orgId: w.org.id, amount, method: "CARD", idempotencyKey: randomUUID() }).catch((e: unknown) => e);
      expect(translateError(keyOnly, mapError(err)).fieldErrors, amount).toEqual({ amount: "prepaid.errors.topUpRange" });
    }
    const noMethod = await startTopUp(w.db, w.owner, { orgId: w.org.id, amount: "10", method: "" as "CARD", idempotencyKey: randomUUID() }).catch((e: unknown) => e);
    expect(translateError(keyOnly, mapError(noMethod)).fieldErrors).toEqual({ method: "prepaid.errors.chooseMethod" });
    expect(await w.db.payment.count({ where: { orgId: w.org.id } })).toBe(0);
  });

  test("[BIL-5] a pro-forma is refused from the prepaid balance with its own message, in the user's words; nothing is spent", async () => {
    const w = await world(30_000);
    const proforma = await createInvoice(w.db, { org: w.org, kind: "PROFORMA", status: "UNPAID", lines: [{ description: "Hosting", unitPriceMinor: 10_000 }] });
    const err = await payFromPrepaid(w.db, w.owner, { orgId: w.org.id, invoiceId: proforma.id, idempotencyKey: randomUUID() }).catch((e: unknown) => e);
    expect(mapError(err)).toMatchObject({ status: 409, key: "errors.proformaNotFromPrepaid" });
    const fr = createTranslator({ locale: "fr", messages: frMessages });
    expect(translateError((key, values) => fr(key as never, values as never), mapError(err)).message).toMatch(/^Une facture pro forma se paie par virement bancaire/);
    expect(await balanceOf(w)).toBe(30_000);
    expect(await w.db.payment.count({ where: { orgId: w.org.id } })).toBe(0);
    expect((await w.db.invoice.findUniqueOrThrow({ where: { id: proforma.id } })).status).toBe("UNPAID");
  });

  test("[BIL-5] a balance that covers the invoice pays all of it and keeps the rest", async () => {
    const w = await world(50_000);
    const quote = await invoicePrepaid(w.db, w.owner, { orgId: w.org.id, invoiceId: w.invoice.id });
    expect(quote.coverMinor).toBe(w.invoice.totalMinor);
    const paid = await payFromPrepaid(w.db, w.owner, { orgId: w.org.id, invoiceId: w.invoice.id, idempotencyKey: randomUUID() });
    expect(paid).toEqual({ spentMinor: w.invoice.totalMinor, remainingMinor: 0, balanceMinor: 50_000 - w.invoice.totalMinor });
    expect((await w.db.invoice.findUniqueOrThrow({ where: { id: w.invoice.id } })).status).toBe("PAID");
    await expect(payFromPrepaid(w.db, w.owner, { orgId: w.org.id, invoiceId: w.invoice.id, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "CONFLICT", message: "errors.invoiceNotPayable" });
  });

  test("[BIL-5] [BIL-6] a member without billing.pay can neither top up nor pay from the balance; nothing is written", async () => {
    const w = await world(3_000);
    const user = await createUser(w.db);
    await addMember(w.db, w.org.id, user.id, "USER");
    const member = asUser(user.id);
    await expect(payFromPrepaid(w.db, member, { orgId: w.org.id, invoiceId: w.invoice.id, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startTopUp(w.db, member, { orgId: w.org.id, amount: "10", method: "CARD", idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(prepaidAccount(w.db, member, { orgId: w.org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(invoicePrepaid(w.db, member, { orgId: w.org.id, invoiceId: w.invoice.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await w.db.payment.count({ where: { orgId: w.org.id } })).toBe(0);
    expect(await balanceOf(w)).toBe(3_000);
  });

  test("[BIL-5] another Organization's invoice id is refused as unknown and spends nothing from either balance", async () => {
    const mine = await world(3_000);
    const theirs = await world(3_000);
    await expect(payFromPrepaid(mine.db, mine.owner, { orgId: mine.org.id, invoiceId: theirs.invoice.id, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(invoicePrepaid(mine.db, mine.owner, { orgId: mine.org.id, invoiceId: theirs.invoice.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Naming the other Organization is not a way in either.
    await expect(payFromPrepaid(mine.db, mine.owner, { orgId: theirs.org.id, invoiceId: theirs.invoice.id, idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await balanceOf(mine)).toBe(3_000);
    expect(await balanceOf(theirs)).toBe(3_000);
    expect((await theirs.db.invoice.findUniqueOrThrow({ where: { id: theirs.invoice.id } })).status).toBe("UNPAID");
  });

  test("[BIL-6] the history is paged newest first; each spend and refund names its invoice; another Organization's cursor reads as the first page", async () => {
    const w = await world(0);
    const other = await world(0);
    const at = (day: number) => new Date(Date.UTC(2026, 0, day, 12));
    const payment = await w.db.payment.create({ data: { orgId: w.org.id, invoiceId: w.invoice.id, methodType: "PREPAID", amountMinor: 500, currency: "CHF", status: "REFUNDED", idempotencyKey: randomUUID() } });
    await w.db.prepaidEntry.createMany({
      data: [
        { orgId: w.org.id, kind: "TOPUP", amountMinor: 10_000, currency: "CHF", createdAt: at(1) },
        { orgId: w.org.id, kind: "SPEND", amountMinor: -500, currency: "CHF", invoiceId: w.invoice.id, createdAt: at(2) },
        { orgId: w.org.id, kind: "REFUND", amountMinor: 500, currency: "CHF", paymentId: payment.id, createdAt: at(3) },
        // Two movements at the same instant are both listed, once.
        { orgId: w.org.id, kind: "TOPUP", amountMinor: 100, currency: "CHF", createdAt: at(4) },
        { orgId: w.org.id, kind: "TOPUP", amountMinor: 200, currency: "CHF", createdAt: at(4) },
      ],
    });
    const seen: string[] = [];
    let before: string | undefined;
    const pages = [];
    do {
      const page = await prepaidAccount(w.db, w.owner, { orgId: w.org.id, before, perPage: 2 });
      pages.push(page.entries.map((e) => e.amountMinor));
      seen.push(...page.entries.map((e) => e.id));
      if (page.entries.some((e) => e.kind !== "TOPUP")) expect(page.entries.filter((e) => e.kind !== "TOPUP").every((e) => e.invoice?.number === w.invoice.number)).toBe(true);
      before = page.nextCursor ?? undefined;
    } while (before);
    expect(new Set(seen).size).toBe(5);
    expect(pages.flat().slice(2)).toEqual([500, -500, 10_000]);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    const foreign = await prepaidAccount(other.db, other.owner, { orgId: other.org.id, before: seen[0] });
    expect(foreign).toMatchObject({ entries: [], paged: false, balanceMinor: 0 });
  });
});
