import { unzipSync } from "fflate";
import { afterEach, describe, expect, test, vi } from "vitest";
import { GET as archive } from "@/app/(console)/[org]/invoices/archive/route";
import { GET as pdfRoute } from "@/app/(console)/[org]/invoices/[invoiceId]/pdf/route";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { invoicePdfWithExtras } from "@/lib/invoices/invoice-pdf-extras";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { addMember, createOrganization, createUser } from "../factories";
import { asUser } from "./support/api";
import { signIn, signOut } from "./support/browser-session";
import { pdfText } from "./support/pdf-text";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./support/browser-session")).nextHeaders);

afterEach(() => {
  clock.reset();
  signOut();
});

const lines = [{ description: "Domain renewal alpine.ch", unitPriceMinor: 1290, periodMonths: 12 }];

describe("Issuing invoices (BIL-7, VAT-3)", () => {
  test("[BIL-7] invoice numbers follow a gap-free yearly sequence, also when 20 are issued at once and one issue is rolled back", async () => {
    const db = getDb();
    // A year of its own, so that other files' invoices do not share the sequence.
    clock.set(new Date("2031-06-01T10:00:00Z"));
    const org = await createOrganization(db);
    // Each issue in its own transaction, all started at once: they queue on the year's row (and for a connection).
    const issue = () => db.$transaction((tx) => issueInvoice(tx, { orgId: org.id, lines }), { maxWait: 60_000, timeout: 60_000 });
    const first = await Promise.all(Array.from({ length: 20 }, issue));
    await expect(
      db.$transaction(async (tx) => {
        await issueInvoice(tx, { orgId: org.id, lines });
        throw new Error("the order failed after the invoice was issued");
      }),
    ).rejects.toThrow("the order failed");
    const second = await Promise.all(Array.from({ length: 5 }, issue));
    const numbers = [...first, ...second].map((i) => i.number).sort();
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => `INV-2031-${String(i + 1).padStart(6, "0")}`));
    // A new year starts again at 1; pro-formas have their own sequence.
    clock.set(new Date("2032-01-01T00:00:01Z"));
    expect((await issue()).number).toBe("INV-2032-000001");
    expect((await db.$transaction((tx) => issueInvoice(tx, { orgId: org.id, kind: "PROFORMA", lines }))).number).toBe("PRO-2032-000001");
  });

  test("[VAT-3] VAT follows the rule table: Swiss VAT in CH, reverse charge with the VAT number for an EU business, the country's rate otherwise", async () => {
    const db = getDb();
    const cases = [
      { org: { country: "CH" }, rateBp: 810, vatMinor: 104, reverseCharge: false, vatNumber: null },
      { org: { country: "FR", vatNumber: "FR40303265045", vatNumberValid: true, vatTermsAcceptedAt: new Date() }, rateBp: 0, vatMinor: 0, reverseCharge: true, vatNumber: "FR40303265045" },
      { org: { country: "FR", entityType: "INDIVIDUAL" as const }, rateBp: 2000, vatMinor: 258, reverseCharge: false, vatNumber: null },
      { org: { country: "DE" }, rateBp: 1900, vatMinor: 245, reverseCharge: false, vatNumber: null },
      { org: { country: "US" }, rateBp: 0, vatMinor: 0, reverseCharge: false, vatNumber: null },
    ];
    for (const c of cases) {
      const org = await createOrganization(db, c.org);
      const invoice = await db.$transaction((tx) => issueInvoice(tx, { orgId: org.id, lines }));
      expect(invoice, c.org.country).toMatchObject({ subtotalMinor: 1290, vatRateBp: c.rateBp, vatMinor: c.vatMinor, totalMinor: 1290 + c.vatMinor, reverseCharge: c.reverseCharge, vatNumber: c.vatNumber, currency: org.currency });
    }
    // The default billing address is the one printed.
    const org = await createOrganization(db, { country: "CH" });
    await db.billingAddress.create({ data: { orgId: org.id, label: "HQ", name: "Alpine Billing SA", street: "Rue du Lac 2", postalCode: "1000", city: "Lausanne", country: "CH", isDefault: true } });
    const invoice = await db.$transaction((tx) => issueInvoice(tx, { orgId: org.id, lines }));
    expect(invoice.billingSnapshot).toEqual({ name: "Alpine Billing SA", street: "Rue du Lac 2", postalCode: "1000", city: "Lausanne", country: "CH" });
  });

  test("[BIL-7] [VAT-3] the PDF shows the number, billing address, VAT number, VAT and total; an unpaid CHF invoice carries a Swiss QR-bill", async () => {
    const db = getDb();
    const eu = await createOrganization(db, { country: "FR", name: "Atelier Test SARL", street: "1 rue de Rivoli", postalCode: "75001", city: "Paris", vatNumber: "FR40303265045", vatNumberValid: true, vatTermsAcceptedAt: new Date() });
    const euInvoice = await db.$transaction((tx) => issueInvoice(tx, { orgId: eu.id, lines }));
    const euText = pdfText(await invoicePdfWithExtras(await getInvoice(db, asUser(eu.legalRepresentativeId), { orgId: eu.id, invoiceId: euInvoice.id }), "en"));
    expect(euText).toContain(`Invoice ${euInvoice.number}`);
    expect(euText).toContain("Atelier Test SARL");
    expect(euText).toContain("VAT number: FR40303265045");
    expect(euText).toContain("VAT (reverse charge)");
    expect(euText).toMatch(/Total[\s\S]*€12\.90|Total[\s\S]*12\.90/);
    expect(euText).not.toContain("Receipt");

    const ch = await createOrganization(db, { country: "CH", name: "Alpine Test Sàrl", street: "Rue du Lac 2", postalCode: "1000", city: "Lausanne" });
    const chInvoice = await db.$transaction((tx) => issueInvoice(tx, { orgId: ch.id, lines }));
    const chText = pdfText(await invoicePdfWithExtras(await getInvoice(db, asUser(ch.legalRepresentativeId), { orgId: ch.id, invoiceId: chInvoice.id }), "fr"));
    expect(chText).toContain(`Facture ${chInvoice.number}`);
    expect(chText).toContain("TVA 8,1");
    expect(chText).toContain("13.94");
    expect(chText).toContain("Récépissé"); // the QR-bill's receipt, in the reader's language
  });

  test("[BIL-7] the PDF and the year's ZIP are downloads for those who read billing only; the ZIP holds that year's invoices", async () => {
    const db = getDb();
    const org = await createOrganization(db, { country: "CH" });
    clock.set(new Date("2033-03-01T10:00:00Z"));
    const a = await db.$transaction((tx) => issueInvoice(tx, { orgId: org.id, lines }));
    const b = await db.$transaction((tx) => issueInvoice(tx, { orgId: org.id, lines }));
    clock.set(new Date("2034-01-05T10:00:00Z"));
    await db.$transaction((tx) => issueInvoice(tx, { orgId: org.id, lines }));

    await signIn(org.legalRepresentativeId);
    const pdf = await pdfRoute(new Request(`http://localhost/${org.id}/invoices/${a.id}/pdf`), { params: Promise.resolve({ org: org.id, invoiceId: a.id }) });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("cache-control")).toBe("private, no-store");
    const zipRes = await archive(new Request(`http://localhost/${org.id}/invoices/archive?year=2033`), { params: Promise.resolve({ org: org.id }) });
    expect(zipRes.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(await zipRes.arrayBuffer()))).sort()).toEqual([`${a.number}.pdf`, `${b.number}.pdf`]);
    expect((await archive(new Request(`http://localhost/${org.id}/invoices/archive?year=abc`), { params: Promise.resolve({ org: org.id }) })).status).toBe(400);

    const user = await createUser(db);
    await addMember(db, org.id, user.id, "USER");
    await signIn(user.id);
    expect((await pdfRoute(new Request(`http://localhost/${org.id}/invoices/${a.id}/pdf`), { params: Promise.resolve({ org: org.id, invoiceId: a.id }) })).status).toBe(403);
    expect((await archive(new Request(`http://localhost/${org.id}/invoices/archive?year=2033`), { params: Promise.resolve({ org: org.id }) })).status).toBe(403);
    const stranger = await createOrganization(db);
    await signIn(stranger.legalRepresentativeId);
    expect((await pdfRoute(new Request(`http://localhost/${stranger.id}/invoices/${a.id}/pdf`), { params: Promise.resolve({ org: stranger.id, invoiceId: a.id }) })).status).toBe(404);
  });
});
