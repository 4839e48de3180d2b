import { afterEach, describe, expect, test } from "vitest";
import * as invoiceById from "@/app/api/[version]/invoices/[id]/route";
import * as invoices from "@/app/api/[version]/invoices/route";
import * as invoicesLatest from "@/app/api/invoices/route";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { clock, DAY } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { invoiceOutSchema, invoiceSummaryOutSchema } from "@/lib/http/endpoints/invoices";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { addMember, createInvoices, createOrganization, createProducts, createUser, DEFAULT_PASSWORD } from "../factories";
import { asUser, call, errorFields, tokenFor } from "./support/api";

afterEach(() => clock.reset());

const T0 = new Date("2026-03-01T10:00:00Z");

/** An Organization with three invoices issued a month apart (the newest unpaid), and its legal representative. */
async function billedTenant(country = "CH") {
  const db = getDb();
  const owner = await createUser(db);
  const org = await createOrganization(db, { legalRepresentativeId: owner.id, country });
  const [product] = await createProducts(db, [{ orgId: org.id, name: "billing.ch" }]);
  const [jan, feb, mar] = await createInvoices(db, [
    { org, number: `A-${org.id}-1`, status: "PAID", issuedAt: new Date(T0.getTime() - 60 * DAY) },
    { org, number: `A-${org.id}-2`, status: "CANCELLED", issuedAt: new Date(T0.getTime() - 30 * DAY) },
    {
      org,
      number: `A-${org.id}-3`,
      status: "UNPAID",
      issuedAt: T0,
      dueAt: new Date(T0.getTime() + 10 * DAY),
      lines: [
        { description: "Domain renewal billing.ch", unitPriceMinor: 1290, periodMonths: 12, productId: product.id },
        { description: "Mail service", unitPriceMinor: 350, quantity: 3 },
      ],
    },
  ]);
  return { db, org, owner, jan, feb, mar, product };
}

type Page = { result: string; data: { id: string; number: string; status: string; overdue: boolean }[]; total?: number };

describe("Invoices (BIL-7) through the REST API and the services", () => {
  test("[BIL-7] GET /invoices lists the Organization's invoices newest first, paged, filtered by status and ordered by issue date, due date or number", async () => {
    const t = await billedTenant();
    const token = await tokenFor(t.db, t.owner.id, t.org.id, ["invoices:read"]);
    const res = await call(invoices.GET, "/api/1/invoices", { token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Page;
    expect(body).toMatchObject({ result: "success", total: 3, pages: 1, items_per_page: 25, page: 1 });
    expect(body.data.map((i) => i.id)).toEqual([t.mar.id, t.feb.id, t.jan.id]);
    for (const item of body.data) expect(invoiceSummaryOutSchema.safeParse(item).success).toBe(true);
    expect(body.data[0]).toMatchObject({
      currency: "CHF",
      subtotal_minor: 1290 + 3 * 350,
      total_minor: t.mar.totalMinor,
      vat_minor: t.mar.vatMinor,
      status: "UNPAID",
    });

    const asc = (await (
      await call(invoices.GET, "/api/1/invoices?order_by=number&order=asc&per_page=2", { token })
    ).json()) as Page;
    expect(asc.data.map((i) => i.number)).toEqual([t.jan.number, t.feb.number]);
    const page2 = (await (
      await call(invoicesLatest.GET, "/api/invoices?order_by=due&order=asc&per_page=2&page=2", { token })
    ).json()) as Page;
    expect(page2.data.map((i) => i.id)).toEqual([t.mar.id]);
    const paid = (await (await call(invoices.GET, "/api/1/invoices?status=PAID", { token })).json()) as Page;
    expect(paid).toMatchObject({ total: 1, data: [{ id: t.jan.id, status: "PAID" }] });

    const bad = await call(invoices.GET, "/api/1/invoices?status=LOST&order_by=amount", { token });
    expect(bad.status).toBe(400);
    expect(Object.keys(errorFields((await bad.json()).error)).sort()).toEqual(["order_by", "status"]);
  });

  test("[BIL-1] an unpaid invoice past its due date is overdue, and status=OVERDUE finds it once the clock passes the due date", async () => {
    const t = await billedTenant();
    const token = await tokenFor(t.db, t.owner.id, t.org.id, ["invoices:read"]);
    clock.set(new Date(T0.getTime() + 9 * DAY));
    const before = (await (await call(invoices.GET, "/api/1/invoices?status=OVERDUE", { token })).json()) as Page;
    expect(before.data).toEqual([]);
    clock.advance(2 * DAY);
    const after = (await (await call(invoices.GET, "/api/1/invoices?status=OVERDUE", { token })).json()) as Page;
    expect(after.data.map((i) => [i.id, i.overdue])).toEqual([[t.mar.id, true]]);
  });

  test("[BIL-7] GET /invoices/{id} answers the invoice with its lines, amounts in minor units and the billing snapshot", async () => {
    const t = await billedTenant("FR");
    const token = await tokenFor(t.db, t.owner.id, t.org.id, ["invoices:read"]);
    const res = await call(invoiceById.GET, "/", { token, params: { id: t.mar.id } });
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(invoiceOutSchema.safeParse(data).success).toBe(true);
    expect(data).toMatchObject({
      id: t.mar.id,
      number: t.mar.number,
      currency: "EUR",
      vat_rate_bp: 2000,
      reverse_charge: false,
      billing_address: { name: t.org.name, country: "FR" },
    });
    expect(data.lines).toHaveLength(2);
    expect(data.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          description: "Domain renewal billing.ch",
          quantity: 1,
          period_months: 12,
          unit_price_minor: 1290,
          amount_minor: 1290,
          product_id: t.product.id,
        }),
        expect.objectContaining({ description: "Mail service", quantity: 3, unit_price_minor: 350, amount_minor: 1050 }),
      ]),
    );
    expect(data.total_minor).toBe(data.subtotal_minor + data.vat_minor);
  });

  test("[API-6] another Organization's invoices answer 404 and never appear in the list", async () => {
    const mine = await billedTenant();
    const other = await billedTenant();
    const token = await tokenFor(mine.db, mine.owner.id, mine.org.id, ["invoices:read"]);
    const res = await call(invoiceById.GET, "/", { token, params: { id: other.mar.id } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ result: "error", error: { code: "not_found" } });
    const list = (await (await call(invoices.GET, "/api/1/invoices?per_page=100", { token })).json()) as Page;
    expect(list.data.map((i) => i.id).sort()).toEqual([mine.jan.id, mine.feb.id, mine.mar.id].sort());
    await expect(
      getInvoice(mine.db, asUser(mine.owner.id), { orgId: other.org.id, invoiceId: other.mar.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[API-6] invoices are for legal representatives and administrators: a user cannot get the scope, and a demoted owner's token is refused", async () => {
    const t = await billedTenant();
    const db = t.db;
    const admin = await createUser(db);
    const adminMembership = await addMember(db, t.org.id, admin.id, "ADMINISTRATOR");
    const adminToken = await tokenFor(db, admin.id, t.org.id, ["invoices:read"]);
    expect((await call(invoices.GET, "/", { token: adminToken })).status).toBe(200);
    expect((await call(invoiceById.GET, "/", { token: adminToken, params: { id: t.jan.id } })).status).toBe(200);

    const user = await createUser(db);
    await addMember(db, t.org.id, user.id, "USER");
    await expect(
      createApiToken(db, asUser(user.id), { orgIds: [t.org.id], name: "x", scopes: ["invoices:read"], password: DEFAULT_PASSWORD }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "apiTokens.errors.scopeBeyondRights" });
    await expect(listInvoices(db, asUser(user.id), { orgId: t.org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getInvoice(db, asUser(user.id), { orgId: t.org.id, invoiceId: t.jan.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await db.membership.update({ where: { id: adminMembership.id }, data: { role: "USER" } });
    const denied = await call(invoices.GET, "/", { token: adminToken });
    expect(denied.status).toBe(403);
    expect((await call(invoiceById.GET, "/", { token: adminToken, params: { id: t.jan.id } })).status).toBe(403);
    // A token without the invoices scope is refused even for a legal representative.
    const tagsOnly = await tokenFor(db, t.owner.id, t.org.id, ["tags:read"]);
    expect((await call(invoices.GET, "/", { token: tagsOnly })).status).toBe(403);
  });
});
