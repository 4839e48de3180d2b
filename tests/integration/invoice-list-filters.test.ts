import { afterEach, describe, expect, test } from "vitest";
import { ZodError } from "zod";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { searchedAmountMinor } from "@/lib/invoices/invoice-filters";
import { listInvoices, type ListInvoicesInput } from "@/lib/invoices/list-invoices";
import { createInvoices, createOrder, createOrganization } from "../factories";
import { asUser } from "./support/api";

afterEach(() => clock.reset());

const db = getDb();
const NOW = new Date("2026-06-15T10:00:00Z");
const fieldsOf = (p: Promise<unknown>) =>
  p.then(
    () => [],
    (e: unknown) => (e instanceof ZodError ? e.issues.map((i) => `${i.path.join(".")}:${i.message}`) : [`${(e as { code?: string }).code}:${Object.keys((e as { fieldErrors?: object }).fieldErrors ?? {}).join(",")}`]),
  );

/** A Swiss Organization (CHF, 8.1 %) with invoices over two years and one paid through an order. */
async function billed() {
  clock.set(NOW);
  const org = await createOrganization(db, { country: "CH" });
  const line = (minor: number) => [{ description: "Renewal", unitPriceMinor: minor }];
  const [lastMarch, lastAugust, february, june] = await createInvoices(db, [
    { org, number: `F-${org.id}-A`, status: "PAID", issuedAt: new Date("2025-03-01T09:00:00Z"), lines: line(1000) },
    { org, number: `F-${org.id}-B`, status: "UNPAID", issuedAt: new Date("2025-08-01T23:30:00Z"), lines: line(2000) },
    { org, number: `F-${org.id}-C`, status: "PAID", issuedAt: new Date("2026-02-01T00:00:00Z"), lines: line(3000) },
    // CHF 45.00 + 8.1 % = 48.65
    { org, number: `F-${org.id}-D`, status: "UNPAID", issuedAt: new Date("2026-06-10T12:00:00Z"), lines: line(4500) },
  ]);
  const order = await createOrder(db, { org, createdAt: new Date("2026-05-01T08:00:00Z"), lines: [{ description: "Order line", unitPriceMinor: 5000 }] });
  const owner = asUser(org.legalRepresentativeId);
  const ids = async (input: Omit<ListInvoicesInput, "orgId">) => (await listInvoices(db, owner, { orgId: org.id, ...input })).items.map((i) => i.id);
  return { org, owner, ids, lastMarch: lastMarch!, lastAugust: lastAugust!, february: february!, june: june!, order };
}

describe("The invoice list's period filter and search (BIL-7)", () => {
  test("[BIL-7] invoices are filtered by issue period — this year, last year, the last 12 months, from / to days included — and searched by invoice number, amount or order number, combined with the status", async () => {
    const t = await billed();
    const fromOrder = t.order.invoice;
    expect(await t.ids({})).toEqual([t.june.id, fromOrder.id, t.february.id, t.lastAugust.id, t.lastMarch.id]);
    expect(await t.ids({ period: "thisYear" })).toEqual([t.june.id, fromOrder.id, t.february.id]);
    expect(await t.ids({ period: "lastYear" })).toEqual([t.lastAugust.id, t.lastMarch.id]);
    expect(await t.ids({ period: "last12Months" })).toEqual([t.june.id, fromOrder.id, t.february.id, t.lastAugust.id]);
    // Both days are included (an invoice issued late on the last day too); a preset ignores the dates.
    expect(await t.ids({ from: "2025-08-01", to: "2026-02-01" })).toEqual([t.february.id, t.lastAugust.id]);
    expect(await t.ids({ period: "custom", from: "2026-05-01" })).toEqual([t.june.id, fromOrder.id]);
    expect(await t.ids({ period: "custom", to: "2025-12-31" })).toEqual([t.lastAugust.id, t.lastMarch.id]);
    expect(await t.ids({ period: "lastYear", from: "2026-01-01" })).toEqual([t.lastAugust.id, t.lastMarch.id]);
    expect(await t.ids({ period: "", from: "", to: "", q: "  " })).toHaveLength(5);

    // Search: a part of the number, the total as typed in either notation, the order's number.
    expect(await t.ids({ q: t.june.number.toLowerCase() })).toEqual([t.june.id]);
    expect(await t.ids({ q: "48.65" })).toEqual([t.june.id]);
    expect(await t.ids({ q: "CHF 48,65" })).toEqual([t.june.id]);
    expect(await t.ids({ q: t.order.number })).toEqual([fromOrder.id]);
    expect(await t.ids({ q: "%" })).toEqual([]);
    expect(await t.ids({ q: "99999999999999" })).toEqual([]);

    // Combined with the status.
    expect(await t.ids({ status: "PAID", period: "thisYear" })).toEqual([t.february.id]);
    expect(await t.ids({ status: "UNPAID", period: "last12Months", q: `F-${t.org.id}` })).toEqual([t.june.id, t.lastAugust.id]);

    // Another Organization's invoices are never found, whatever the search.
    const other = await createOrganization(db, { country: "CH" });
    await expect(listInvoices(db, asUser(other.legalRepresentativeId), { orgId: t.org.id, q: t.june.number })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[BIL-7] keyset pages keep the filters: every matching invoice once, in order, whatever the page size", async () => {
    const t = await billed();
    for (const perPage of [1, 2, 3]) {
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 10; page++) {
        const res = await listInvoices(db, t.owner, { orgId: t.org.id, period: "last12Months", perPage, after });
        expect(res.total).toBe(4);
        seen.push(...res.items.map((i) => i.id));
        if (!res.nextCursor) break;
        after = res.nextCursor;
      }
      expect(seen).toEqual([t.june.id, t.order.invoice.id, t.february.id, t.lastAugust.id]);
    }
    // Sorted by number, ascending, two a page.
    const first = await listInvoices(db, t.owner, { orgId: t.org.id, sort: "number", dir: "asc", perPage: 2, q: `F-${t.org.id}` });
    const second = await listInvoices(db, t.owner, { orgId: t.org.id, sort: "number", dir: "asc", perPage: 2, q: `F-${t.org.id}`, after: first.nextCursor! });
    expect([...first.items, ...second.items].map((i) => i.number)).toEqual([t.lastMarch.number, t.lastAugust.number, t.february.number, t.june.number]);
    expect(second.nextCursor).toBeNull();
  });

  test("[BIL-7] a rejected period or cursor is a field error (a 4xx), never a crash", async () => {
    const t = await billed();
    const list = (input: Omit<ListInvoicesInput, "orgId">) => fieldsOf(listInvoices(db, t.owner, { orgId: t.org.id, ...input }));
    expect(await list({ from: "2026-02-30" })).toEqual(["from:validation.invalid"]);
    expect(await list({ to: "15.06.2026" })).toEqual(["to:validation.invalid"]);
    expect(await list({ from: "1900-01-01" })).toEqual(["from:validation.invalid"]);
    expect(await list({ from: "2026-03-01", to: "2026-02-01" })).toEqual(["to:invoiceFilters.errors.endBeforeStart"]);
    expect(await list({ period: "custom" })).toEqual(["from:invoiceFilters.errors.customNeedsDate"]);
    expect(await list({ period: "forever" })).toEqual(["period:validation.invalid"]);
    expect(await list({ q: "x".repeat(101) })).toEqual(["q:validation.tooLong"]);
    expect(await list({ after: "not-a-cursor" })).toEqual(["INVALID_INPUT:after"]);
    // A cursor of another order cannot be replayed on this one.
    const byNumber = await listInvoices(db, t.owner, { orgId: t.org.id, sort: "number", perPage: 1 });
    expect(await list({ after: byNumber.nextCursor! })).toEqual(["INVALID_INPUT:after"]);
  });

  test("[BIL-7] amounts are read as people type them", () => {
    expect(["48.65", "48,65", "CHF 48.65", "48.65 CHF", "€48.65", "48.6", "1'234.50", "1’234,50", "1,234.50", "1.234,50", "48", "1 234"].map(searchedAmountMinor)).toEqual([
      4865, 4865, 4865, 4865, 4865, 4860, 123450, 123450, 123450, 123450, 4800, 123400,
    ]);
    expect(["INV-2026", "abc", "", "12-34", "99999999999999"].map(searchedAmountMinor)).toEqual([null, null, null, null, null]);
  });
});
