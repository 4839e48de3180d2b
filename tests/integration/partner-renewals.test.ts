import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, test } from "vitest";
import { clock, DAY, HOUR } from "@/lib/clock";
import { getDb, type Db } from "@/lib/db";
import { findJob } from "@/lib/jobs/definitions";
import { placeRenewalOrder } from "@/lib/orders/place-renewal-order";
import { recordTransfer } from "@/lib/payments/record-transfer";
import { sandboxChargesFor } from "@/lib/payments/sandbox/saved-charges";
import { createOrganization, createPartner, createPartnership, createProduct, createStaffUser } from "../factories";
import { asUser } from "./support/api";

afterEach(() => clock.reset());

/**
 * The renewal job looks at every product of this file's database: each test lives in its own year, so
 * another test's products are either long expired or far beyond the job's horizon.
 */
let year = 2041;
const epoch = () => new Date(`${year++}-05-01T05:00:00Z`);

const card = (db: Db, orgId: string, token = `sbx_pm_${randomUUID()}`) =>
  db.paymentMethod.create({ data: { orgId, type: "VISA", label: "Visa •••• 4242", last4: "4242", expMonth: 12, expYear: 2099, providerToken: token, isDefault: true } });

/** A Swiss client whose .ch domain (CHF 20.00 a year) renews by itself with the client's card, and a Swiss partner (15 %). */
async function world(benefit: "CASHBACK" | "DISCOUNT", partnership: { access: "FULL"; payer: "CLIENT" | "PARTNER" } | { access: "LIMITED" }, opts: { partnerCard?: boolean } = {}) {
  const db = getDb();
  const t0 = epoch();
  clock.set(t0);
  const client = await createOrganization(db, { country: "CH" });
  const partnerOrg = await createOrganization(db, { country: "CH" });
  const partner = await createPartner(db, { orgId: partnerOrg.id, benefit, benefitRateBp: 1500 });
  const clientCard = await card(db, client.id);
  const partnerCard = opts.partnerCard === false ? null : await card(db, partnerOrg.id);
  const expiresAt = new Date(t0.getTime() + 20 * DAY);
  const domain = await createProduct(db, { orgId: client.id, name: `${randomUUID().slice(0, 8)}.ch`, category: "domain", expiresAt, priceMinor: 2000, autoRenew: true, autoRenewMethodId: clientCard.id });
  await createPartnership(db, partnership.access === "FULL" ? { partnerId: partner.id, clientOrgId: client.id, access: "FULL", payer: partnership.payer } : { partnerId: partner.id, clientOrgId: client.id, access: "LIMITED", productIds: [domain.id] });
  // The job's first attempt: 14 days before expiry.
  const firstAttempt = () => clock.set(new Date(expiresAt.getTime() - 14 * DAY + HOUR));
  return { db, client, partnerOrg, partner, clientCard, partnerCard, domain, expiresAt, firstAttempt, owner: asUser(client.legalRepresentativeId) };
}

const runJob = (db: Db) => findJob("renewals-daily")!.run(db);
const payments = (db: Db, orgId: string) => db.payment.findMany({ where: { orgId }, include: { invoice: { include: { lines: true } }, order: true } });
const cashbacks = (db: Db, partnerId: string) => db.partnerCashback.findMany({ where: { partnerId }, select: { invoiceId: true, clientOrgId: true, amountMinor: true, currency: true } });

describe("automatic renewals and the payer (PRT-5)", () => {
  test("[PRT-5] partner pays: the renewal job charges the partner's saved card, the order and the paid invoice are the partner's at its discount, nothing in the client's; the product renews in the client's Organization", async () => {
    const w = await world("DISCOUNT", { access: "FULL", payer: "PARTNER" });
    w.firstAttempt();
    await runJob(w.db);
    const [payment, ...more] = await payments(w.db, w.partnerOrg.id);
    expect(more).toEqual([]);
    expect(payment).toMatchObject({ status: "SUCCEEDED", methodId: w.partnerCard!.id, currency: "CHF" });
    // 15 % off CHF 20.00, plus Swiss VAT on the discounted price.
    expect(payment!.invoice).toMatchObject({ orgId: w.partnerOrg.id, status: "PAID", subtotalMinor: 1700, totalMinor: payment!.amountMinor });
    expect(payment!.invoice!.lines).toEqual([expect.objectContaining({ productId: w.domain.id, unitPriceMinor: 1700 })]);
    expect(payment!.order).toMatchObject({ orgId: w.partnerOrg.id, partnerId: w.partner.id, status: "PAID" });
    expect(await sandboxChargesFor(payment!.id)).toBe(1);
    // Nothing charged or invoiced in the client's Organization, and the client's card untouched.
    expect(await w.db.payment.count({ where: { OR: [{ orgId: w.client.id }, { methodId: w.clientCard.id }] } })).toBe(0);
    expect(await w.db.invoice.count({ where: { orgId: w.client.id } })).toBe(0);
    expect(await w.db.order.count({ where: { orgId: w.client.id } })).toBe(0);
    const domain = await w.db.product.findUniqueOrThrow({ where: { id: w.domain.id } });
    expect(domain.orgId).toBe(w.client.id);
    expect(domain.expiresAt.getTime()).toBeGreaterThan(w.expiresAt.getTime() + 360 * DAY);
    // A partner-paid, discounted invoice earns no cashback.
    expect(await cashbacks(w.db, w.partner.id)).toEqual([]);
    // The same slot again charges nothing more.
    await runJob(w.db);
    expect(await w.db.payment.count({ where: { orgId: w.partnerOrg.id } })).toBe(1);
  });

  test("[PRT-5] partner pays with a cashback benefit: the partner is charged the public price in its own Organization", async () => {
    const w = await world("CASHBACK", { access: "FULL", payer: "PARTNER" });
    w.firstAttempt();
    await runJob(w.db);
    const [payment] = await payments(w.db, w.partnerOrg.id);
    expect(payment!.invoice).toMatchObject({ orgId: w.partnerOrg.id, subtotalMinor: 2000 });
    expect(await w.db.invoice.count({ where: { orgId: w.client.id } })).toBe(0);
  });

  test("[PRT-5] partner pays but has no saved method that renews: nothing is charged, neither the partner nor the client's card", async () => {
    const w = await world("DISCOUNT", { access: "FULL", payer: "PARTNER" }, { partnerCard: false });
    w.firstAttempt();
    await runJob(w.db);
    expect(await w.db.payment.count({ where: { orgId: { in: [w.client.id, w.partnerOrg.id] } } })).toBe(0);
    expect((await w.db.product.findUniqueOrThrow({ where: { id: w.domain.id } })).expiresAt).toEqual(w.expiresAt);
  });

  test("[PRT-5] client pays: the job charges the client's card at public price in the client's Organization, and the renewal earns the partner its cashback", async () => {
    const w = await world("CASHBACK", { access: "FULL", payer: "CLIENT" });
    w.firstAttempt();
    await runJob(w.db);
    const [payment] = await payments(w.db, w.client.id);
    expect(payment).toMatchObject({ status: "SUCCEEDED", methodId: w.clientCard.id });
    expect(payment!.invoice).toMatchObject({ orgId: w.client.id, status: "PAID", subtotalMinor: 2000 });
    expect(payment!.order).toMatchObject({ orgId: w.client.id, partnerId: null });
    expect(await w.db.payment.count({ where: { orgId: w.partnerOrg.id } })).toBe(0);
    expect(await cashbacks(w.db, w.partner.id)).toEqual([{ invoiceId: payment!.invoiceId, clientOrgId: w.client.id, amountMinor: 300, currency: "CHF" }]);
  });
});

/** The bank transfer of an invoice's full amount, booked by staff: the settlement path of every payment. */
async function payByTransfer(db: Db, invoiceId: string) {
  const invoice = await db.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  const staff = await createStaffUser(db, { staffRole: "SUPERVISOR" });
  await recordTransfer(db, { kind: "user", userId: staff.id, sessionId: "s", staffRole: "SUPERVISOR", secondFactor: true }, { invoiceNumber: invoice.number, amount: (invoice.totalMinor / 100).toFixed(2), bankReference: `bank-${invoice.id}` });
}

/** What the outbox holds for a person, by template. */
async function mailsOf(db: Db, userId: string) {
  const { email } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  return db.emailOutbox.findMany({ where: { toAddress: email }, orderBy: { createdAt: "asc" }, select: { template: true, subject: true, textBody: true } });
}
const renewalMails = async (db: Db, userId: string) => (await mailsOf(db, userId)).filter((m) => /^(renewal|autoRenewal|cardExpiring|invoiceIssued)/.test(m.template));

describe("renewal e-mails go to whoever pays (PRT-5, BIL-10)", () => {
  test("[PRT-5] [BIL-10] a product without auto-renewal nears its deadline: the reminder goes to the partner paying for the client, naming client and product, not to the client; a client that pays itself still gets its own", async () => {
    const w = await world("DISCOUNT", { access: "FULL", payer: "PARTNER" });
    const manual = await createProduct(w.db, { orgId: w.client.id, name: `${randomUUID().slice(0, 8)}.ch`, category: "domain", expiresAt: new Date(w.expiresAt.getTime() - 5 * DAY), priceMinor: 2000 });
    await runJob(w.db);
    const [reminder, ...more] = await renewalMails(w.db, w.partnerOrg.legalRepresentativeId);
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({ template: "renewalReminder", subject: expect.stringContaining(manual.name) });
    expect(reminder!.textBody).toContain(w.client.name);
    expect(reminder!.textBody).toContain(`because ${w.partnerOrg.name} pays for the products of ${w.client.name}`);
    expect(reminder!.textBody).toContain(`/${w.client.id}/payments/renewals?product=${manual.id}`);
    expect(await renewalMails(w.db, w.client.legalRepresentativeId)).toEqual([]);

    // When the client pays, the reminder goes to the client as before and the partner gets none.
    const c = await world("CASHBACK", { access: "FULL", payer: "CLIENT" });
    const own = await createProduct(c.db, { orgId: c.client.id, name: `${randomUUID().slice(0, 8)}.ch`, category: "domain", expiresAt: new Date(c.expiresAt.getTime() - 5 * DAY), priceMinor: 2000 });
    await runJob(c.db);
    const mails = await renewalMails(c.db, c.client.legalRepresentativeId);
    expect(mails).toEqual([expect.objectContaining({ template: "renewalReminder", subject: expect.stringContaining(own.name) })]);
    expect(mails[0]!.textBody).not.toContain(c.partnerOrg.name);
    expect(await renewalMails(c.db, c.partnerOrg.legalRepresentativeId)).toEqual([]);
  });

  test("[PRT-5] [BIL-10] the J-14 automatic-renewal reminder goes to the paying partner with its own price and its own card; the renewal confirmation too; the client gets none", async () => {
    const w = await world("DISCOUNT", { access: "FULL", payer: "PARTNER" });
    await w.db.paymentMethod.update({ where: { id: w.partnerCard!.id }, data: { label: "MasterCard •••• 5555", type: "MASTERCARD" } });
    w.firstAttempt();
    await runJob(w.db);
    const mails = await renewalMails(w.db, w.partnerOrg.legalRepresentativeId);
    const reminder = mails.find((m) => m.template === "autoRenewalReminder");
    // 15 % off CHF 20.00 = 17.00, plus 8.1 % Swiss VAT = 18.38, charged to the partner's own card.
    expect(reminder?.textBody).toContain("18.38");
    expect(reminder?.textBody).toContain("MasterCard •••• 5555");
    expect(reminder?.textBody).toContain(w.domain.name);
    expect(reminder?.textBody).toContain(`because ${w.partnerOrg.name} pays for the products of ${w.client.name}`);
    expect(mails.map((m) => m.template)).toEqual(expect.arrayContaining(["autoRenewalReminder", "renewalSucceeded"]));
    expect(await renewalMails(w.db, w.client.legalRepresentativeId)).toEqual([]);
  });

  test("[PRT-5] [BIL-9] a partner-paid automatic renewal skipped for lack of a saved method e-mails the partner once (translated, through the outbox); the client gets nothing", async () => {
    const w = await world("DISCOUNT", { access: "FULL", payer: "PARTNER" }, { partnerCard: false });
    await w.db.user.update({ where: { id: w.partnerOrg.legalRepresentativeId }, data: { locale: "de" } });
    w.firstAttempt();
    await runJob(w.db);
    const [mail, ...more] = await renewalMails(w.db, w.partnerOrg.legalRepresentativeId);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ template: "renewalNoMethod", subject: expect.stringContaining(`${w.domain.name} von ${w.client.name} konnte nicht automatisch verlängert werden`) });
    expect(mail!.textBody).toContain(w.partnerOrg.name);
    expect(mail!.textBody).toContain(`/${w.client.id}/payments`);
    // The next day, in the same attempt slot, and at the next slot: no second mail, still nothing charged.
    clock.advance(DAY);
    await runJob(w.db);
    clock.set(new Date(w.expiresAt.getTime() - 10 * DAY + HOUR));
    await runJob(w.db);
    expect(await renewalMails(w.db, w.partnerOrg.legalRepresentativeId)).toHaveLength(1);
    expect(await w.db.payment.count({ where: { orgId: { in: [w.client.id, w.partnerOrg.id] } } })).toBe(0);
    expect(await renewalMails(w.db, w.client.legalRepresentativeId)).toEqual([]);
  });
});

describe("a discount partner's income on its client's direct orders (PRT-5)", () => {
  test("[PRT-5] a DISCOUNT partner earns cashback at its rate on an order the client places and pays itself", async () => {
    const w = await world("DISCOUNT", { access: "FULL", payer: "PARTNER" });
    const placed = await placeRenewalOrder(w.db, w.owner, { orgId: w.client.id, idempotencyKey: randomUUID(), method: "CARD", productIds: [w.domain.id], months: [12] });
    expect(placed.orgId).toBe(w.client.id);
    await payByTransfer(w.db, placed.invoiceId);
    expect(await cashbacks(w.db, w.partner.id)).toEqual([{ invoiceId: placed.invoiceId, clientOrgId: w.client.id, amountMinor: 300, currency: "CHF" }]);
  });

  test("[PRT-5] a DISCOUNT partner with limited access earns cashback on the client's automatic renewal, which the client pays", async () => {
    const w = await world("DISCOUNT", { access: "LIMITED" });
    w.firstAttempt();
    await runJob(w.db);
    const [payment] = await payments(w.db, w.client.id);
    expect(payment!.invoice).toMatchObject({ orgId: w.client.id, subtotalMinor: 2000 });
    expect(await cashbacks(w.db, w.partner.id)).toEqual([{ invoiceId: payment!.invoiceId, clientOrgId: w.client.id, amountMinor: 300, currency: "CHF" }]);
  });
});
