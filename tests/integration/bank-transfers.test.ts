import { describe, expect, test } from "vitest";
import type { Actor } from "@/lib/access/actor";
import { getDb } from "@/lib/db";
import { recordTransfer } from "@/lib/payments/record-transfer";
import { createInvoice, createOrganization, createStaffUser, unique } from "../factories";
import { asUser } from "./support/api";

async function staff(role: "SUPPORT" | "SUPERVISOR" | "ADMIN"): Promise<Actor> {
  const user = await createStaffUser(getDb(), { staffRole: role });
  return { kind: "user", userId: user.id, sessionId: "s", staffRole: role, secondFactor: true };
}

describe("Incoming IBAN transfers (BIL-5, back office)", () => {
  test("[BIL-5] a transfer short of the bank fees leaves the rest due; the second one pays the invoice", async () => {
    const db = getDb();
    const org = await createOrganization(db, { country: "CH" });
    const invoice = await createInvoice(db, { org, status: "UNPAID", lines: [{ description: "Hosting", unitPriceMinor: 10_000 }] });
    const supervisor = await staff("SUPERVISOR");
    const total = invoice.totalMinor;
    const first = await recordTransfer(db, supervisor, { invoiceNumber: invoice.number, amount: ((total - 350) / 100).toFixed(2), bankReference: unique("bank") });
    expect(first).toMatchObject({ invoicePaid: false, remainingMinor: 350 });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("UNPAID");
    const second = await recordTransfer(db, supervisor, { invoiceNumber: invoice.number, amount: "3,50", bankReference: unique("bank") });
    expect(second).toMatchObject({ invoicePaid: true, remainingMinor: 0 });
    expect(await db.payment.findMany({ where: { invoiceId: invoice.id }, select: { methodType: true, status: true } })).toEqual([
      { methodType: "IBAN", status: "SUCCEEDED" },
      { methodType: "IBAN", status: "SUCCEEDED" },
    ]);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "payment.transferRecorded", actorKind: "STAFF" } })).toBe(2);
  });

  test("[BIL-5] the same bank credit cannot be booked twice; a paid invoice takes no more transfers; bad input is a field error", async () => {
    const db = getDb();
    const org = await createOrganization(db, { country: "CH" });
    const invoice = await createInvoice(db, { org, status: "UNPAID", lines: [{ description: "Hosting", unitPriceMinor: 1000 }] });
    const admin = await staff("ADMIN");
    const reference = unique("bank");
    await recordTransfer(db, admin, { invoiceNumber: invoice.number, amount: "1.00", bankReference: reference });
    await expect(recordTransfer(db, admin, { invoiceNumber: invoice.number, amount: "1.00", bankReference: reference })).rejects.toMatchObject({ code: "CONFLICT", message: "errors.transferAlreadyRecorded" });
    await recordTransfer(db, admin, { invoiceNumber: invoice.number, amount: "100", bankReference: unique("bank") });
    await expect(recordTransfer(db, admin, { invoiceNumber: invoice.number, amount: "1.00", bankReference: unique("bank") })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(recordTransfer(db, admin, { invoiceNumber: "INV-0000-nope", amount: "1.00", bankReference: unique("bank") })).rejects.toMatchObject({ fieldErrors: { invoiceNumber: ["billing.transferUnknownInvoice"] } });
    for (const amount of ["0", "0.00", "-5", "1.234", "abc", ""]) {
      await expect(recordTransfer(db, admin, { invoiceNumber: invoice.number, amount, bankReference: unique("bank") }), amount).rejects.toMatchObject({ name: expect.stringMatching(/ZodError|AppError/) });
    }
  });

  test("[BIL-5] [SEC-3] only the staff roles of the table record transfers: a support agent is refused, a customer does not see the back office", async () => {
    const db = getDb();
    const org = await createOrganization(db, { country: "CH" });
    const invoice = await createInvoice(db, { org, status: "UNPAID" });
    const input = { invoiceNumber: invoice.number, amount: "1.00", bankReference: unique("bank") };
    await expect(recordTransfer(db, await staff("SUPPORT"), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordTransfer(db, asUser(org.legalRepresentativeId), input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(0);
  });
});
