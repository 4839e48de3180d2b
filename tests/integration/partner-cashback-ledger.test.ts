import { describe, expect, test } from "vitest";
import { getDb } from "@/lib/db";
import { listCashback } from "@/lib/partners/list-cashback";
import { listCashbackPage } from "@/lib/partners/list-cashback-page";
import { addMember, createInvoices, createOrganization, createPartner, createUser } from "../factories";
import { asUser } from "./support/api";

const T0 = new Date("2026-01-01T08:00:00Z").getTime();
const HOUR = 3_600_000;

/** A partner with 27 CHF entries from a Swiss client and 4 EUR ones from a French client, two of them at the same instant. */
async function world() {
  const db = getDb();
  const partnerOrg = await createOrganization(db, { country: "CH" });
  const partner = await createPartner(db, { orgId: partnerOrg.id });
  const swiss = await createOrganization(db, { country: "CH", name: "Swiss client" });
  const french = await createOrganization(db, { country: "FR", currency: "EUR", name: "French client" });
  const chf = await createInvoices(db, Array.from({ length: 27 }, () => ({ org: swiss, status: "PAID" as const })));
  const eur = await createInvoices(db, Array.from({ length: 4 }, () => ({ org: french, status: "PAID" as const })));
  const entries = [
    ...chf.map((inv, i) => ({ partnerId: partner.id, clientOrgId: swiss.id, invoiceId: inv.id, amountMinor: 100 + i, currency: "CHF" as const, createdAt: new Date(T0 + i * HOUR) })),
    // Two entries share an instant: the keyset's id tie-break keeps both.
    ...eur.map((inv, i) => ({ partnerId: partner.id, clientOrgId: french.id, invoiceId: inv.id, amountMinor: 50, currency: "EUR" as const, createdAt: new Date(T0 + (i < 2 ? 5 : 10 + i) * HOUR) })),
  ];
  await db.partnerCashback.createMany({ data: entries });
  return { db, partner, partnerOrg, lead: asUser(partnerOrg.legalRepresentativeId), total: entries.length };
}

describe("the partner's cashback ledger, paged (PRT-5)", () => {
  test("[PRT-5] every entry exactly once, newest first, by keyset pages of 25 forward and back; totals per currency over all entries", async () => {
    const w = await world();
    const first = await listCashbackPage(w.db, w.lead, { partnerId: w.partner.id });
    expect(first.items).toHaveLength(25);
    expect(first.previousCursor).toBeNull();
    expect(first.totals).toEqual([
      { currency: "CHF", amountMinor: 27 * 100 + (26 * 27) / 2, entries: 27 },
      { currency: "EUR", amountMinor: 200, entries: 4 },
    ]);
    const second = await listCashbackPage(w.db, w.lead, { partnerId: w.partner.id, after: first.nextCursor! });
    expect(second.items).toHaveLength(w.total - 25);
    expect(second.nextCursor).toBeNull();
    // The totals do not depend on the page.
    expect(second.totals).toEqual(first.totals);
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((e) => e.id)).size).toBe(w.total);
    const order = all.map((e) => [e.createdAt.getTime(), e.id] as const);
    expect(order).toEqual([...order].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1)));
    expect(all[0]).toMatchObject({ clientName: "Swiss client", amountMinor: 126, currency: "CHF" });
    // Back from the second page: the first page again.
    const back = await listCashbackPage(w.db, w.lead, { partnerId: w.partner.id, before: second.previousCursor! });
    expect(back.items.map((e) => e.id)).toEqual(first.items.map((e) => e.id));
    expect(back.previousCursor).toBeNull();
    // A cursor that is not ours is the first page.
    expect((await listCashbackPage(w.db, w.lead, { partnerId: w.partner.id, after: "not-a-cursor" })).items.map((e) => e.id)).toEqual(first.items.map((e) => e.id));
    // The dashboard still shows the latest 10 and the same totals.
    const dashboard = await listCashback(w.db, w.lead, { partnerId: w.partner.id });
    expect(dashboard?.latest.map((e) => e.id)).toEqual(first.items.slice(0, 10).map((e) => e.id));
  });

  test("[PRT-5] only the partner's members who may read its billing: another member is refused, anyone else does not find it", async () => {
    const w = await world();
    const user = await createUser(w.db);
    await addMember(w.db, w.partnerOrg.id, user.id, "USER");
    await expect(listCashbackPage(w.db, asUser(user.id), { partnerId: w.partner.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createOrganization(w.db);
    await expect(listCashbackPage(w.db, asUser(stranger.legalRepresentativeId), { partnerId: w.partner.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listCashbackPage(w.db, w.lead, { partnerId: "x".repeat(65) })).rejects.toThrow();
  });
});
