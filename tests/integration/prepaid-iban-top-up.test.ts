import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { getDb } from "@/lib/db";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { recordTransfer } from "@/lib/payments/record-transfer";
import { startInvoicePayment } from "@/lib/payments/start-invoice-payment";
import { prepaidAccount } from "@/lib/prepaid/prepaid-balance";
import { startIbanTopUp } from "@/lib/prepaid/start-iban-top-up";
import { addMember, createOrganization, createStaffUser, createUser, unique } from "../factories";
import { asUser } from "./support/api";

async function supervisor(): Promise<Actor> {
  const user = await createStaffUser(getDb(), { staffRole: "SUPERVISOR" });
  return { kind: "user", userId: user.id, sessionId: "s", staffRole: "SUPERVISOR", secondFactor: true };
}

async function world(country = "CH") {
  const db = getDb();
  const org = await createOrganization(db, { country });
  return { db, org, owner: asUser(org.legalRepresentativeId) };
}

describe("Prepaid top-up by IBAN transfer (BIL-6)", () => {
  test("[BIL-6] an IBAN top-up issues one pro-forma for the amount in the Organization's currency, without VAT, and credits nothing", async () => {
    for (const [country, currency] of [
      ["CH", "CHF"],
      ["FR", "EUR"],
    ] as const) {
      const w = await world(country);
      const key = randomUUID();
      const started = await startIbanTopUp(w.db, w.owner, { orgId: w.org.id, amount: "150,25", method: "IBAN", idempotencyKey: key });
      const again = await startIbanTopUp(w.db, w.owner, { orgId: w.org.id, amount: "150,25", method: "IBAN", idempotencyKey: key });
      expect(again).toEqual(started);
      expect(started.redirectUrl).toBe(`/${w.org.id}/invoices/${started.invoiceId}`);
      expect(started.number).toMatch(/^PRO-\d{4}-\d{6}$/);
      const invoice = await getInvoice(w.db, w.owner, { orgId: w.org.id, invoiceId: started.invoiceId });
      expect(invoice).toMatchObject({ kind: "PROFORMA", status: "UNPAID", currency, subtotalMinor: 15_025, vatMinor: 0, totalMinor: 15_025, prepaidTopUp: true });
      expect(await w.db.invoice.count({ where: { orgId: w.org.id } })).toBe(1);
      expect(await w.db.payment.count({ where: { orgId: w.org.id } })).toBe(0);
      expect((await prepaidAccount(w.db, w.owner, { orgId: w.org.id })).balanceMinor).toBe(0);
      expect(await w.db.auditLog.count({ where: { orgId: w.org.id, action: "invoice.topUpProformaIssued", targetId: started.invoiceId } })).toBe(1);
    }
  });

  test("[BIL-6] the transfer staff record against the pro-forma credits exactly the amount received (bank fees are the customer's), once, and the pro-forma is paid", async () => {
    const w = await world();
    const started = await startIbanTopUp(w.db, w.owner, { orgId: w.org.id, amount: "100", method: "IBAN", idempotencyKey: randomUUID() });
    const staff = await supervisor();
    const booked = await recordTransfer(w.db, staff, { invoiceNumber: started.number, amount: "96.50", bankReference: unique("bank") });
    expect(booked).toMatchObject({ invoiceNumber: started.number, invoicePaid: true, prepaidCreditedMinor: 9_650 });
    const account = await prepaidAccount(w.db, w.owner, { orgId: w.org.id });
    expect(account.balanceMinor).toBe(9_650);
    expect(account.entries.map((e) => [e.kind, e.amountMinor, e.methodType, e.invoice?.number])).toEqual([["TOPUP", 9_650, "IBAN", started.number]]);
    const invoice = await w.db.invoice.findUniqueOrThrow({ where: { id: started.invoiceId } });
    expect(invoice.status).toBe("PAID");
    expect(await w.db.auditLog.count({ where: { orgId: w.org.id, action: "payment.transferRecorded", actorKind: "STAFF" } })).toBe(1);
  });

  test("[BIL-6] recording the same bank credit twice is refused, and a paid top-up pro-forma takes no other transfer: the balance is credited once", async () => {
    const w = await world("FR");
    const started = await startIbanTopUp(w.db, w.owner, { orgId: w.org.id, amount: "20", method: "IBAN", idempotencyKey: randomUUID() });
    const staff = await supervisor();
    const reference = unique("bank");
    await recordTransfer(w.db, staff, { invoiceNumber: started.number, amount: "20", bankReference: reference });
    await expect(recordTransfer(w.db, staff, { invoiceNumber: started.number, amount: "20", bankReference: reference })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(recordTransfer(w.db, staff, { invoiceNumber: started.number, amount: "20", bankReference: unique("bank") })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await prepaidAccount(w.db, w.owner, { orgId: w.org.id })).balanceMinor).toBe(2_000);
    expect(await w.db.prepaidEntry.count({ where: { orgId: w.org.id } })).toBe(1);
    expect(await w.db.payment.count({ where: { orgId: w.org.id } })).toBe(1);
  });

  test("[BIL-6] a top-up pro-forma is paid only by the transfer it names: the operator's checkout refuses it", async () => {
    const w = await world();
    const started = await startIbanTopUp(w.db, w.owner, { orgId: w.org.id, amount: "30", method: "IBAN", idempotencyKey: randomUUID() });
    await expect(startInvoicePayment(w.db, w.owner, { orgId: w.org.id, invoiceId: started.invoiceId, method: "CARD", idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await w.db.payment.count({ where: { orgId: w.org.id } })).toBe(0);
  });

  test("[BIL-6] a member without billing.pay cannot start an IBAN top-up, and an amount outside 0.10 … 9,999 is refused on the field; nothing is issued", async () => {
    const w = await world();
    const user = await createUser(w.db);
    await addMember(w.db, w.org.id, user.id, "USER");
    await expect(startIbanTopUp(w.db, asUser(user.id), { orgId: w.org.id, amount: "10", method: "IBAN", idempotencyKey: randomUUID() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const amount of ["0.09", "9999.01", "abc"]) {
      await expect(startIbanTopUp(w.db, w.owner, { orgId: w.org.id, amount, method: "IBAN", idempotencyKey: randomUUID() }), amount).rejects.toMatchObject({ name: expect.stringMatching(/ZodError|AppError/) });
    }
    expect(await w.db.invoice.count({ where: { orgId: w.org.id } })).toBe(0);
    expect(await w.db.auditLog.count({ where: { orgId: w.org.id, action: "invoice.topUpProformaIssued" } })).toBe(0);
  });
});
