import { randomUUID } from "node:crypto";
import { createTranslator } from "use-intl/core";
import { afterEach, describe, expect, test } from "vitest";
import { POST as webhook } from "@/app/webhooks/payments/route";
import { clock, DAY } from "@/lib/clock";
import { getDb, type Db } from "@/lib/db";
import { mapError } from "@/lib/http/map-error";
import { translateError, type Translate } from "@/lib/http/translate-error";
import fr from "@/lib/i18n/messages/fr.json";
import { placeRenewalOrder, type PlaceRenewalOrderInput } from "@/lib/orders/place-renewal-order";
import { SIGNATURE_HEADER } from "@/lib/payments/notification-signature";
import { listRenewals } from "@/lib/payments/list-renewals";
import { answerChallenge, payWithCard, sandboxNotification } from "@/lib/payments/sandbox/hosted-page";
import { findSandboxCheckout } from "@/lib/payments/sandbox/store";
import { startInvoicePayment } from "@/lib/payments/start-invoice-payment";
import { recordTransfer } from "@/lib/payments/record-transfer";
import { addMember, createOrganization, createProducts, createStaffUser, createUser, grantProductAccess } from "../factories";
import { asUser } from "./support/api";

afterEach(() => clock.reset());

const T0 = new Date("2026-03-01T10:00:00Z");
const VALID = { expiry: "12/30", cvc: "123" };
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const checkoutId = (redirectUrl: string) => decodeURIComponent(redirectUrl.split("/").pop()!);

/** A Swiss Organization (CHF, 8.1 % VAT) with a .ch domain and a hosting due soon, and products due later. */
async function world() {
  clock.set(T0);
  const db = getDb();
  const org = await createOrganization(db, { country: "CH" });
  const [domain, hosting, later, terminated, expired] = await createProducts(db, [
    { orgId: org.id, name: "renew-me.ch", category: "domain", expiresAt: at(20), renewalPeriodMonths: 12, priceMinor: 1500 },
    { orgId: org.id, name: "Hosting renew-me.ch", category: "hosting", expiresAt: at(40), renewalPeriodMonths: 12, priceMinor: 12000 },
    { orgId: org.id, name: "later.ch", category: "domain", expiresAt: at(200), priceMinor: 1500 },
    { orgId: org.id, name: "gone.ch", category: "domain", expiresAt: at(10), status: "TERMINATED", priceMinor: 1500 },
    { orgId: org.id, name: "expired.ch", category: "domain", expiresAt: at(-5), status: "BLOCKED", priceMinor: 1500 },
  ]);
  return { db, org, owner: asUser(org.legalRepresentativeId), domain: domain!, hosting: hosting!, later: later!, terminated: terminated!, expired: expired! };
}

type World = Awaited<ReturnType<typeof world>>;

const selection = (w: World, lines: [string, number][], extra: Partial<PlaceRenewalOrderInput> = {}): PlaceRenewalOrderInput => ({
  orgId: w.org.id,
  idempotencyKey: randomUUID(),
  method: "CARD",
  productIds: lines.map(([id]) => id),
  months: lines.map(([, m]) => m),
  ...extra,
});

async function written(db: Db, orgId: string) {
  const [orders, invoices, payments] = await Promise.all([db.order.count({ where: { orgId } }), db.invoice.count({ where: { orgId } }), db.payment.count({ where: { orgId } })]);
  return { orders, invoices, payments };
}

const expiries = async (db: Db, ids: string[]) =>
  Object.fromEntries((await db.product.findMany({ where: { id: { in: ids } }, select: { id: true, expiresAt: true } })).map((p) => [p.id, p.expiresAt.toISOString()]));

/** Pays an order's invoice by card in the sandbox, through the 3-D Secure step. */
async function payByCard(w: World, invoiceId: string, idempotencyKey: string) {
  const started = await startInvoicePayment(w.db, w.owner, { orgId: w.org.id, invoiceId, method: "CARD", idempotencyKey });
  await payWithCard(checkoutId(started.redirectUrl), { number: "4000 0000 0000 3220", ...VALID });
  await answerChallenge(checkoutId(started.redirectUrl), "123456");
  return started;
}

describe("Payments page: products to renew (BIL-2)", () => {
  test("[BIL-2] by default the products due within 2 months, expired ones not yet terminated included; 'show all' lists the later ones too", async () => {
    const w = await world();
    const due = await listRenewals(w.db, w.owner, { orgId: w.org.id });
    expect(due.items.map((i) => i.name)).toEqual(["expired.ch", "renew-me.ch", "Hosting renew-me.ch"]);
    expect(due.canPay).toBe(true);
    const all = await listRenewals(w.db, w.owner, { orgId: w.org.id, all: "1" });
    expect(all.items.map((i) => i.name)).toEqual(["expired.ch", "renew-me.ch", "Hosting renew-me.ch", "later.ch"]);
  });

  test("[BIL-3] each line offers the periods its category allows: a .ch domain 1 to 10 years, a hosting its own period", async () => {
    const w = await world();
    const { items } = await listRenewals(w.db, w.owner, { orgId: w.org.id });
    expect(items.find((i) => i.id === w.domain.id)?.periods).toEqual([12, 24, 36, 48, 60, 72, 84, 96, 108, 120]);
    expect(items.find((i) => i.id === w.hosting.id)?.periods).toEqual([12]);
  });

  test("[BIL-2] keyset pages walk every due product once, forwards and back", async () => {
    const w = await world();
    await createProducts(w.db, Array.from({ length: 7 }, (_, i) => ({ orgId: w.org.id, name: `bulk-${i}.ch`, expiresAt: at(30) })));
    const seen: string[] = [];
    let page = await listRenewals(w.db, w.owner, { orgId: w.org.id, perPage: 4 });
    seen.push(...page.items.map((i) => i.id));
    while (page.nextCursor) {
      page = await listRenewals(w.db, w.owner, { orgId: w.org.id, perPage: 4, after: page.nextCursor });
      seen.push(...page.items.map((i) => i.id));
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    const back = await listRenewals(w.db, w.owner, { orgId: w.org.id, perPage: 4, before: page.previousCursor! });
    expect(back.items.map((i) => i.id)).toEqual(seen.slice(4, 8));
  });

  test("[BIL-2] seeing the products to renew needs billing.pay (who may order renewals): a USER is refused, another Organization's member finds nothing", async () => {
    const w = await world();
    const user = await createUser(w.db);
    const member = await addMember(w.db, w.org.id, user.id, "USER");
    await grantProductAccess(w.db, { membershipId: member.id, productIds: [w.domain.id], level: "MANAGE" });
    await expect(listRenewals(w.db, asUser(user.id), { orgId: w.org.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createOrganization(w.db);
    await expect(listRenewals(w.db, asUser(stranger.legalRepresentativeId), { orgId: w.org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("Pay my selection: one order, one invoice (BIL-2, BIL-3)", () => {
  test("[BIL-2] [BIL-3] two renewals, one for 3 years, make one order and one invoice with both lines; paid, each expiry moves by its period", async () => {
    const w = await world();
    const input = selection(w, [
      [w.domain.id, 36],
      [w.hosting.id, 12],
    ]);
    const placed = await placeRenewalOrder(w.db, w.owner, input);
    const order = await w.db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { lines: { orderBy: { amountMinor: "asc" } }, invoices: { include: { lines: { orderBy: { amountMinor: "asc" } } } } } });
    expect(order).toMatchObject({ orgId: w.org.id, status: "PENDING", currency: "CHF", placedById: w.org.legalRepresentativeId });
    expect(order.lines).toMatchObject([
      { productId: w.domain.id, periodMonths: 36, amountMinor: 4500 },
      { productId: w.hosting.id, periodMonths: 12, amountMinor: 12000 },
    ]);
    expect(order.invoices).toHaveLength(1);
    const invoice = order.invoices[0]!;
    // CHF 165.00 + 8.1 % VAT (13.37) = 178.37
    expect(invoice).toMatchObject({ id: placed.invoiceId, status: "UNPAID", subtotalMinor: 16500, vatMinor: 1337, totalMinor: 17837 });
    expect(order.totalMinor).toBe(17837);
    expect(invoice.lines).toMatchObject([
      { productId: w.domain.id, description: "renew-me.ch", quantity: 3, unitPriceMinor: 1500, periodMonths: 36, amountMinor: 4500 },
      { productId: w.hosting.id, quantity: 1, periodMonths: 12, amountMinor: 12000 },
    ]);
    expect(await written(w.db, w.org.id)).toEqual({ orders: 1, invoices: 1, payments: 0 });

    const started = await payByCard(w, placed.invoiceId, input.idempotencyKey);
    expect((await w.db.payment.findUniqueOrThrow({ where: { id: started.paymentId } })).status).toBe("SUCCEEDED");
    expect(await w.db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).toMatchObject({ status: "PAID", paidAt: T0 });
    expect(await expiries(w.db, [w.domain.id, w.hosting.id, w.later.id])).toEqual({
      [w.domain.id]: new Date("2029-03-21T10:00:00Z").toISOString(),
      [w.hosting.id]: new Date("2027-04-10T10:00:00Z").toISOString(),
      [w.later.id]: w.later.expiresAt.toISOString(),
    });
  });

  test("[BIL-2] the same idempotency key (a double click, a retry) places the order once", async () => {
    const w = await world();
    const input = selection(w, [[w.domain.id, 12]]);
    const results = await Promise.all([placeRenewalOrder(w.db, w.owner, input), placeRenewalOrder(w.db, w.owner, input), placeRenewalOrder(w.db, w.owner, input)]);
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    expect(await written(w.db, w.org.id)).toEqual({ orders: 1, invoices: 1, payments: 0 });
  });

  test("[BIL-3] a period the category does not allow is refused per line with a translated message, and nothing is written", async () => {
    const w = await world();
    const refusals: [string, number][][] = [
      [
        [w.domain.id, 12],
        [w.hosting.id, 24],
      ], // a hosting renews one year at a time
      [[w.domain.id, 18]], // not a whole number of the product's periods
      [[w.domain.id, 132]], // beyond 10 years
      [[w.domain.id, 0]],
    ];
    const t = createTranslator({ locale: "fr", messages: fr }) as unknown as Translate;
    for (const lines of refusals) {
      const err = await placeRenewalOrder(w.db, w.owner, selection(w, lines)).catch((e: unknown) => e);
      const mapped = mapError(err);
      expect(mapped.code).toBe("invalid_input");
      const index = lines.length - 1;
      expect(mapped.fieldErrors?.[`months.${index}`]).toEqual(["payments.errors.periodNotAllowed"]);
      expect(translateError(t, mapped).fieldErrors?.[`months.${index}`]).toBe("Cette durée n’est pas proposée pour ce produit.");
    }
    await expect(placeRenewalOrder(w.db, w.owner, selection(w, []))).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "payments.errors.nothingSelected" })] });
    expect(await written(w.db, w.org.id)).toEqual({ orders: 0, invoices: 0, payments: 0 });
  });

  test("[PRD-3] another Organization's product, or one hidden from the member, is not found and nothing is written; READ grants and members without billing.pay are refused", async () => {
    const w = await world();
    const other = await createOrganization(w.db);
    const [foreign] = await createProducts(w.db, [{ orgId: other.id, name: "foreign.ch", expiresAt: at(20) }]);
    await expect(placeRenewalOrder(w.db, w.owner, selection(w, [[w.domain.id, 12], [foreign!.id, 12]]))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(placeRenewalOrder(w.db, w.owner, selection(w, [[foreign!.id, 12]], { orgId: other.id }))).rejects.toMatchObject({ code: "NOT_FOUND" });

    // An administrator (billing.pay) limited by nothing, and a USER without billing.pay.
    const admin = await createUser(w.db);
    await addMember(w.db, w.org.id, admin.id, "ADMINISTRATOR");
    const user = await createUser(w.db);
    const member = await addMember(w.db, w.org.id, user.id, "USER");
    await grantProductAccess(w.db, { membershipId: member.id, productIds: [w.domain.id], level: "MANAGE" });
    await expect(placeRenewalOrder(w.db, asUser(user.id), selection(w, [[w.domain.id, 12]]))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await written(w.db, w.org.id)).toEqual({ orders: 0, invoices: 0, payments: 0 });
    expect(await written(w.db, other.id)).toEqual({ orders: 0, invoices: 0, payments: 0 });
    // A terminated product cannot be renewed.
    await expect(placeRenewalOrder(w.db, asUser(admin.id), selection(w, [[w.terminated.id, 12]]))).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await written(w.db, w.org.id)).toEqual({ orders: 0, invoices: 0, payments: 0 });
  });

  test("[BIL-2] a notification replayed 5 times renews once; a declined card renews nothing", async () => {
    const w = await world();
    const before = await expiries(w.db, [w.domain.id, w.hosting.id]);
    const declined = await placeRenewalOrder(w.db, w.owner, selection(w, [[w.hosting.id, 12]]));
    const refused = await startInvoicePayment(w.db, w.owner, { orgId: w.org.id, invoiceId: declined.invoiceId, method: "CARD", idempotencyKey: randomUUID() });
    await payWithCard(checkoutId(refused.redirectUrl), { number: "4000000000000002", ...VALID });
    expect(await w.db.order.findUniqueOrThrow({ where: { id: declined.orderId } })).toMatchObject({ status: "PENDING", paidAt: null });
    expect((await w.db.invoice.findUniqueOrThrow({ where: { id: declined.invoiceId } })).status).toBe("UNPAID");
    expect(await expiries(w.db, [w.hosting.id])).toEqual({ [w.hosting.id]: before[w.hosting.id] });

    const input = selection(w, [[w.domain.id, 24]]);
    const placed = await placeRenewalOrder(w.db, w.owner, input);
    const started = await payByCard(w, placed.invoiceId, input.idempotencyKey);
    const checkout = (await findSandboxCheckout(w.db, checkoutId(started.redirectUrl)))!;
    const { body, signature } = sandboxNotification(checkout);
    for (let i = 0; i < 5; i++) {
      const res = await webhook(new Request("http://localhost/webhooks/payments", { method: "POST", body, headers: { [SIGNATURE_HEADER]: signature } }));
      expect(res.status).toBe(200);
    }
    expect(await expiries(w.db, [w.domain.id])).toEqual({ [w.domain.id]: new Date("2028-03-21T10:00:00Z").toISOString() });
    expect(await w.db.auditLog.count({ where: { orgId: w.org.id, action: "order.paid" } })).toBe(1);
  });

  test("[BIL-2] [BIL-5] paying by IBAN transfer gets a pro-forma invoice, no payment; the recorded transfer pays the order and renews", async () => {
    const w = await world();
    const placed = await placeRenewalOrder(w.db, w.owner, selection(w, [[w.domain.id, 24]], { method: "IBAN" }));
    const proforma = await w.db.invoice.findUniqueOrThrow({ where: { id: placed.invoiceId } });
    expect(proforma).toMatchObject({ kind: "PROFORMA", status: "UNPAID", orderId: placed.orderId, totalMinor: 3243 });
    expect(proforma.number).toMatch(/^PRO-2026-/);
    expect(await written(w.db, w.org.id)).toEqual({ orders: 1, invoices: 1, payments: 0 });
    const staff = await createStaffUser(w.db, { staffRole: "SUPERVISOR" });
    await recordTransfer(w.db, { kind: "user", userId: staff.id, sessionId: "s", staffRole: "SUPERVISOR", secondFactor: true }, { invoiceNumber: proforma.number, amount: "32.43", bankReference: `bank-${placed.orderId}` });
    expect((await w.db.order.findUniqueOrThrow({ where: { id: placed.orderId } })).status).toBe("PAID");
    expect(await expiries(w.db, [w.domain.id])).toEqual({ [w.domain.id]: new Date("2028-03-21T10:00:00Z").toISOString() });
  });
});
