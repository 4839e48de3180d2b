import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, inject, test } from "vitest";
import { ZodError } from "zod";
import { clock, DAY, HOUR } from "@/lib/clock";
import { getDb, type Db } from "@/lib/db";
import { listCaughtMail, waitForMail } from "@/lib/dev/mailbox";
import { findJob } from "@/lib/jobs/definitions";
import { answerWallet, payWithCard } from "@/lib/payments/sandbox/hosted-page";
import { sandboxChargesFor } from "@/lib/payments/sandbox/saved-charges";
import { startInvoicePayment } from "@/lib/payments/start-invoice-payment";
import { getBillingMessages } from "@/lib/renewals/get-billing-messages";
import { listRenewals } from "@/lib/renewals/list-renewals";
import { renewalForecast } from "@/lib/renewals/renewal-forecast";
import { runRenewals } from "@/lib/renewals/run-renewals";
import { RENEWAL_ATTEMPT_DAYS } from "@/lib/renewals/schedule";
import { setAutoRenewal } from "@/lib/renewals/set-auto-renewal";
import { updateBillingMessages } from "@/lib/renewals/update-billing-messages";
import { addMember, createInvoice, createOrganization, createProduct, createProducts, createUser, grantProductAccess } from "../factories";
import { asUser } from "./support/api";

afterEach(() => clock.reset());

const MAILBOX = () => inject("mailboxUrl");

/**
 * The renewal job looks at every product of this file's database: each test lives in its own year, so
 * another test's products are either long expired or far beyond its 60-day horizon.
 */
let year = 2031;
function epoch(): Date {
  return new Date(`${year++}-03-01T05:00:00Z`);
}

async function billingOrg(db: Db, opts: { token?: string; expMonth?: number; expYear?: number; locale?: "en" | "fr"; withMethod?: boolean } = {}) {
  const owner = await createUser(db, { locale: opts.locale ?? "en" });
  const org = await createOrganization(db, { legalRepresentativeId: owner.id, country: "CH" });
  const method =
    opts.withMethod === false
      ? null
      : await db.paymentMethod.create({
          data: { orgId: org.id, type: "VISA", label: "Visa •••• 4242", last4: "4242", expMonth: opts.expMonth ?? 12, expYear: opts.expYear ?? 2099, providerToken: opts.token ?? `sbx_pm_${randomUUID()}`, isDefault: true },
        });
  return { owner, org, method, actor: asUser(owner.id) };
}

describe("Manage renewals: auto-renewal in bulk (BIL-8, BIL-9)", () => {
  test("[BIL-9] [BIL-8] turning auto-renewal on in bulk answers per product: a product expiring in 10 days is refused (renew it first)", async () => {
    const db = getDb();
    const t0 = epoch();
    clock.set(t0);
    const { org, method, actor } = await billingOrg(db);
    const [soon, later, terminated] = await createProducts(db, [
      { orgId: org.id, name: "soon.ch", expiresAt: new Date(t0.getTime() + 10 * DAY) },
      { orgId: org.id, name: "later.ch", expiresAt: new Date(t0.getTime() + 100 * DAY) },
      { orgId: org.id, name: "gone.ch", expiresAt: new Date(t0.getTime() + 100 * DAY), status: "TERMINATED" },
    ]);
    const { results } = await setAutoRenewal(db, actor, { orgId: org.id, productIds: [soon.id, later.id, terminated.id], enabled: true });
    expect(results).toEqual(
      expect.arrayContaining([
        { productId: soon.id, name: "soon.ch", outcome: "REFUSED", reason: "EXPIRES_SOON" },
        { productId: later.id, name: "later.ch", outcome: "ENABLED" },
        { productId: terminated.id, name: "gone.ch", outcome: "REFUSED", reason: "TERMINATED" },
      ]),
    );
    const rows = await db.product.findMany({ where: { orgId: org.id }, select: { name: true, autoRenew: true, autoRenewMethodId: true }, orderBy: { name: "asc" } });
    expect(rows).toEqual([
      { name: "gone.ch", autoRenew: false, autoRenewMethodId: null },
      { name: "later.ch", autoRenew: true, autoRenewMethodId: method!.id },
      { name: "soon.ch", autoRenew: false, autoRenewMethodId: null },
    ]);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "product.autoRenewEnabled", targetId: later.id } })).toBe(1);

    // Off again, in bulk: it can be turned off any time, also two days before expiry.
    clock.set(new Date(t0.getTime() + 98 * DAY));
    const off = await setAutoRenewal(db, actor, { orgId: org.id, productIds: [soon.id, later.id], enabled: "false" as unknown as boolean });
    expect(off.results).toEqual(expect.arrayContaining([{ productId: later.id, name: "later.ch", outcome: "DISABLED" }, { productId: soon.id, name: "soon.ch", outcome: "UNCHANGED" }]));
    expect((await db.product.findUniqueOrThrow({ where: { id: later.id } })).autoRenew).toBe(false);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "product.autoRenewDisabled" } })).toBe(1);
  });

  test("[BIL-8] without a saved card or Twint profile the answer asks for one; PayPal is not a method that renews", async () => {
    const db = getDb();
    const t0 = epoch();
    clock.set(t0);
    const { org, actor } = await billingOrg(db, { withMethod: false });
    await db.paymentMethod.create({ data: { orgId: org.id, type: "VISA", label: "Visa •••• 0000", last4: "0000", expMonth: 1, expYear: 2020, providerToken: "sbx_pm_old", isDefault: true } });
    const product = await createProduct(db, { orgId: org.id, expiresAt: new Date(t0.getTime() + 400 * DAY) });
    const { results } = await setAutoRenewal(db, actor, { orgId: org.id, productIds: [product.id], enabled: true });
    expect(results).toEqual([{ productId: product.id, name: product.name, outcome: "REFUSED", reason: "NO_METHOD" }]);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).autoRenew).toBe(false);
  });

  test("[PRD-3] [BIL-8] a product of another Organization or one the member cannot see refuses the whole request; nothing is written", async () => {
    const db = getDb();
    const t0 = epoch();
    clock.set(t0);
    const { org, actor } = await billingOrg(db);
    const other = await billingOrg(db);
    const mine = await createProduct(db, { orgId: org.id, expiresAt: new Date(t0.getTime() + 400 * DAY) });
    const foreign = await createProduct(db, { orgId: other.org.id, expiresAt: new Date(t0.getTime() + 400 * DAY) });
    await expect(setAutoRenewal(db, actor, { orgId: org.id, productIds: [mine.id, foreign.id], enabled: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setAutoRenewal(db, actor, { orgId: other.org.id, productIds: [foreign.id], enabled: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.product.count({ where: { id: { in: [mine.id, foreign.id] }, autoRenew: true } })).toBe(0);
    // A USER's role does not pay (billing.pay), even for a product granted to them.
    const user = await createUser(db);
    const membership = await addMember(db, org.id, user.id, "USER");
    await grantProductAccess(db, { membershipId: membership.id, productIds: [mine.id] });
    await expect(setAutoRenewal(db, asUser(user.id), { orgId: org.id, productIds: [mine.id], enabled: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "product.autoRenewEnabled" } })).toBe(0);
  });

  test("[BIL-8] [BIL-9] the renewals list pages by keyset on expiry, flags what cannot be turned on and the card that ends before the next attempt", async () => {
    const db = getDb();
    const t0 = epoch();
    clock.set(t0);
    // The card ends with March; p3 expires early May, so its first attempt (April) comes after.
    const { org, actor } = await billingOrg(db, { expMonth: 3, expYear: t0.getUTCFullYear() });
    const method = (await db.paymentMethod.findFirstOrThrow({ where: { orgId: org.id } })).id;
    await createProducts(
      db,
      Array.from({ length: 7 }, (_, i) => ({ orgId: org.id, name: `p${i}.ch`, expiresAt: new Date(t0.getTime() + (5 + i * 20) * DAY), autoRenew: i === 3, autoRenewMethodId: i === 3 ? method : null })),
    );
    const first = await listRenewals(db, actor, { orgId: org.id, perPage: 4 });
    expect(first.items.map((i) => i.name)).toEqual(["p0.ch", "p1.ch", "p2.ch", "p3.ch"]);
    expect(first.items[0]).toMatchObject({ expiresSoon: true, autoRenew: false });
    expect(first.items[3]).toMatchObject({ autoRenew: true, methodLabel: "Visa •••• 4242", cardExpires: true });
    const second = await listRenewals(db, actor, { orgId: org.id, perPage: 4, after: first.nextCursor! });
    expect(second.items.map((i) => i.name)).toEqual(["p4.ch", "p5.ch", "p6.ch"]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("Auto-renewal turns itself on after a card payment (BIL-8)", () => {
  async function invoiceFor(db: Db) {
    const { org, actor } = await billingOrg(db, { withMethod: false });
    const product = await createProduct(db, { orgId: org.id, expiresAt: new Date(Date.now() + 200 * DAY) });
    const invoice = await createInvoice(db, { org, status: "UNPAID", lines: [{ description: "renewal", unitPriceMinor: 1500, productId: product.id }] });
    const started = async (method: "CARD" | "PAYPAL" | "TWINT") => startInvoicePayment(db, actor, { orgId: org.id, invoiceId: invoice.id, method, idempotencyKey: randomUUID() });
    const checkout = (url: string) => decodeURIComponent(url.split("/").pop()!);
    return { org, product, started, checkout };
  }

  test("[BIL-8] an invoice paid with a Visa card turns auto-renewal on for its products, with that card", async () => {
    const db = getDb();
    const t = await invoiceFor(db);
    const { redirectUrl } = await t.started("CARD");
    await payWithCard(t.checkout(redirectUrl), { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" });
    const method = await db.paymentMethod.findFirstOrThrow({ where: { orgId: t.org.id } });
    expect(await db.product.findUniqueOrThrow({ where: { id: t.product.id }, select: { autoRenew: true, autoRenewMethodId: true } })).toEqual({ autoRenew: true, autoRenewMethodId: method.id });
  });

  test("[BIL-8] paid with PayPal, or declined, auto-renewal stays off; a Twint payment turns it on", async () => {
    const db = getDb();
    const t = await invoiceFor(db);
    const declined = await t.started("CARD");
    await payWithCard(t.checkout(declined.redirectUrl), { number: "4000 0000 0000 0002", expiry: "12/30", cvc: "123" });
    const paypal = await t.started("PAYPAL");
    await answerWallet(t.checkout(paypal.redirectUrl), true);
    expect((await db.product.findUniqueOrThrow({ where: { id: t.product.id } })).autoRenew).toBe(false);

    const other = await invoiceFor(db);
    const twint = await other.started("TWINT");
    await answerWallet(other.checkout(twint.redirectUrl), true);
    const profile = await db.paymentMethod.findFirstOrThrow({ where: { orgId: other.org.id, type: "TWINT" } });
    expect(await db.product.findUniqueOrThrow({ where: { id: other.product.id }, select: { autoRenew: true, autoRenewMethodId: true } })).toEqual({ autoRenew: true, autoRenewMethodId: profile.id });
  });
});

describe("The daily renewal job (BIL-9, BIL-10)", () => {
  test("[BIL-9] [BIL-10] the first attempt comes 14 days before expiry: order, paid invoice, product renewed one period, e-mails sent", async () => {
    const db = getDb();
    const t0 = epoch();
    clock.set(t0);
    const { owner, org } = await billingOrg(db, { locale: "fr" });
    const method = await db.paymentMethod.findFirstOrThrow({ where: { orgId: org.id } });
    const expiresAt = new Date(t0.getTime() + 20 * DAY);
    const product = await createProduct(db, { orgId: org.id, name: "renew-me.ch", expiresAt, priceMinor: 1500, autoRenew: true, autoRenewMethodId: method.id });

    // 20 days before: nothing yet.
    await findJob("renewals-daily")!.run(db);
    expect(await db.payment.count({ where: { orgId: org.id } })).toBe(0);

    // 14 days before expiry (the job's daily slot): the first attempt.
    clock.set(new Date(expiresAt.getTime() - 14 * DAY + HOUR));
    const counts = await runRenewals(db);
    expect(counts).toMatchObject({ renewed: 1, failed: 0, autoReminded: 1 });
    const payment = await db.payment.findFirstOrThrow({ where: { orgId: org.id }, include: { invoice: true, order: { include: { lines: true } } } });
    // CHF 15.00 + 8.1 % VAT = 16.22, charged to the saved card.
    expect(payment).toMatchObject({ status: "SUCCEEDED", amountMinor: 1622, methodId: method.id, invoice: { status: "PAID", totalMinor: 1622 }, order: { status: "PAID", totalMinor: 1622 } });
    expect(payment.order!.lines).toMatchObject([{ productId: product.id, periodMonths: 12, amountMinor: 1500 }]);
    const renewed = await db.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(renewed.expiresAt.toISOString()).toBe(new Date(Date.UTC(expiresAt.getUTCFullYear() + 1, expiresAt.getUTCMonth(), expiresAt.getUTCDate(), 5)).toISOString());

    // The reminder, the confirmation of renewal and debit, and the invoice, in the owner's language.
    const reminder = await waitForMail(MAILBOX(), { to: owner.email, subjectIncludes: "sera renouvelé automatiquement" });
    expect(reminder.text).toContain("16.22");
    const confirmation = await waitForMail(MAILBOX(), { to: owner.email, subjectIncludes: "renew-me.ch renouvelé" });
    expect(confirmation.text).toContain(payment.invoice!.number);
    const invoiceMail = await waitForMail(MAILBOX(), { to: owner.email, subjectIncludes: `Facture ${payment.invoice!.number}` });
    expect(invoiceMail.text).toContain(`/${org.id}/invoices/${payment.invoice!.id}`);

    // The same day again: nothing more is charged or sent.
    const again = await runRenewals(db);
    expect(again).toMatchObject({ renewed: 0, failed: 0, autoReminded: 0 });
    expect(await db.payment.count({ where: { orgId: org.id } })).toBe(1);
    expect(await sandboxChargesFor(payment.id)).toBe(1);
  });

  test("[BIL-9] a job run twice at once charges once", async () => {
    const db = getDb();
    const t0 = epoch();
    clock.set(t0);
    const { org } = await billingOrg(db);
    const method = await db.paymentMethod.findFirstOrThrow({ where: { orgId: org.id } });
    const expiresAt = new Date(t0.getTime() + 13 * DAY);
    const product = await createProduct(db, { orgId: org.id, expiresAt, autoRenew: true, autoRenewMethodId: method.id });
    const runs = await Promise.all([runRenewals(db), runRenewals(db), runRenewals(db)]);
    expect(runs.reduce((n, r) => n + r.renewed, 0)).toBe(1);
    const payments = await db.payment.findMany({ where: { orgId: org.id } });
    expect(payments).toHaveLength(1);
    expect(await sandboxChargesFor(payments[0]!.id)).toBe(1);
    expect(await db.invoice.count({ where: { orgId: org.id } })).toBe(1);
    expect(await db.order.count({ where: { orgId: org.id } })).toBe(1);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).expiresAt.getTime()).toBeGreaterThan(expiresAt.getTime() + 300 * DAY);
  });

  test("[BIL-9] a declined card is retried on the documented schedule (14, 10, 7, 3, 1 days before), each failure e-mailed once", async () => {
    const db = getDb();
    const t0 = epoch();
    clock.set(t0);
    const { owner, org } = await billingOrg(db, { token: "sbx_pm_test_decline" });
    const method = await db.paymentMethod.findFirstOrThrow({ where: { orgId: org.id } });
    const expiresAt = new Date(t0.getTime() + 16 * DAY);
    const product = await createProduct(db, { orgId: org.id, name: "declined.ch", expiresAt, autoRenew: true, autoRenewMethodId: method.id });
    const before = (await listCaughtMail(MAILBOX(), { to: owner.email, limit: 1 }))[0]?.id ?? 0;
    // One run a day, from 16 days before expiry to the day after.
    for (let day = 16; day >= -1; day--) {
      clock.set(new Date(expiresAt.getTime() - day * DAY + HOUR));
      await runRenewals(db);
    }
    const payments = await db.payment.findMany({ where: { orgId: org.id }, orderBy: { createdAt: "asc" } });
    expect(payments.map((p) => [p.status, p.failureCode])).toEqual(RENEWAL_ATTEMPT_DAYS.map(() => ["FAILED", "DECLINED"]));
    expect(payments.map((p) => Math.round((expiresAt.getTime() - p.createdAt.getTime()) / DAY))).toEqual([...RENEWAL_ATTEMPT_DAYS]);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).expiresAt).toEqual(expiresAt);
    const failures = (await listCaughtMail(MAILBOX(), { to: owner.email, sinceId: before })).filter((m) => m.subject?.includes("Automatic renewal of declined.ch failed"));
    expect(failures).toHaveLength(RENEWAL_ATTEMPT_DAYS.length);
    expect(failures.filter((m) => m.text?.includes("the card was declined"))).toHaveLength(RENEWAL_ATTEMPT_DAYS.length);
    expect(failures.filter((m) => m.text?.includes("This was the last attempt"))).toHaveLength(1);
  });

  test("[BIL-9] a saved card that ends before the first attempt is announced once, ahead of it", async () => {
    const db = getDb();
    const t0 = epoch();
    clock.set(t0);
    // The card ends with March; the product expires on April 20, so the first attempt is on April 6.
    const { owner, org } = await billingOrg(db, { expMonth: 3, expYear: t0.getUTCFullYear() });
    const method = await db.paymentMethod.findFirstOrThrow({ where: { orgId: org.id } });
    await createProduct(db, { orgId: org.id, name: "card-ends.ch", expiresAt: new Date(t0.getTime() + 50 * DAY), autoRenew: true, autoRenewMethodId: method.id });
    // Announced from 30 days before the attempt.
    expect((await runRenewals(db)).cardWarnings).toBe(0);
    clock.set(new Date(t0.getTime() + 10 * DAY));
    expect((await runRenewals(db)).cardWarnings).toBe(1);
    expect((await runRenewals(db)).cardWarnings).toBe(0);
    const mail = await waitForMail(MAILBOX(), { to: owner.email, subjectIncludes: "Your card expires before the renewal of card-ends.ch" });
    expect(mail.text).toContain("Visa •••• 4242");
  });

  test("[BIL-10] a product without auto-renewal gets one reminder once its deadline is within the Organization's delay; none when turned off", async () => {
    const db = getDb();
    const t0 = epoch();
    clock.set(t0);
    const { owner, org } = await billingOrg(db);
    await db.billingPreference.update({ where: { orgId: org.id }, data: { reminderDaysBefore: 10 } });
    const quiet = await billingOrg(db);
    await db.billingPreference.update({ where: { orgId: quiet.org.id }, data: { remindersEnabled: false } });
    const expiresAt = new Date(t0.getTime() + 20 * DAY);
    await createProduct(db, { orgId: org.id, name: "manual.ch", expiresAt });
    await createProduct(db, { orgId: quiet.org.id, name: "quiet.ch", expiresAt });
    expect((await runRenewals(db)).reminded).toBe(0); // 20 days ahead, the setting says 10
    clock.set(new Date(expiresAt.getTime() - 10 * DAY + HOUR));
    expect((await runRenewals(db)).reminded).toBe(1);
    expect((await runRenewals(db)).reminded).toBe(0);
    const mail = await waitForMail(MAILBOX(), { to: owner.email, subjectIncludes: "manual.ch expires in 10 days" });
    expect(mail.text).toContain("10 days before a deadline");
    expect(await listCaughtMail(MAILBOX(), { to: quiet.owner.email })).toHaveLength(0);
  });
});

describe("Billing messages (BIL-10)", () => {
  test("[BIL-10] reminders on/off and how early, up to 2 months: more, less than a day or not a number is refused with a field error and changes nothing", async () => {
    const db = getDb();
    const { org, actor } = await billingOrg(db);
    expect(await updateBillingMessages(db, actor, { orgId: org.id, reminderDaysBefore: "60" })).toMatchObject({ remindersEnabled: true, reminderDaysBefore: 60 });
    expect(await updateBillingMessages(db, actor, { orgId: org.id, remindersEnabled: "false" })).toMatchObject({ remindersEnabled: false, reminderDaysBefore: 60 });
    for (const [value, key] of [
      ["61", "renewals.errors.reminderDaysMax"],
      ["0", "renewals.errors.reminderDaysInvalid"],
      ["two", "renewals.errors.reminderDaysInvalid"],
      ["7.5", "renewals.errors.reminderDaysInvalid"],
    ]) {
      const failure = await updateBillingMessages(db, actor, { orgId: org.id, reminderDaysBefore: value }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ZodError);
      expect((failure as ZodError).issues[0]).toMatchObject({ path: ["reminderDaysBefore"], message: key });
    }
    expect(await getBillingMessages(db, actor, { orgId: org.id })).toMatchObject({ remindersEnabled: false, reminderDaysBefore: 60, canChange: true });
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "org.billingMessagesChanged" } })).toBe(2);
    // Only whoever may pay changes them; another Organization's people get nothing.
    const user = await createUser(db);
    await addMember(db, org.id, user.id, "USER");
    await expect(updateBillingMessages(db, asUser(user.id), { orgId: org.id, remindersEnabled: "true" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stranger = await billingOrg(db);
    await expect(updateBillingMessages(db, stranger.actor, { orgId: org.id, remindersEnabled: "true" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.billingPreference.findUniqueOrThrow({ where: { orgId: org.id } })).remindersEnabled).toBe(false);
  });
});

describe("Renewal forecast", () => {
  test("[BIL-8] the next 12 months' renewals, amount per month: each live product at its expiry, then every period; expired, terminated and later ones left out", async () => {
    const db = getDb();
    clock.set(new Date("2040-03-10T08:00:00Z"));
    const { org, actor } = await billingOrg(db);
    await createProducts(db, [
      { orgId: org.id, expiresAt: new Date("2040-03-20T00:00:00Z"), renewalPeriodMonths: 12, priceMinor: 1500 },
      { orgId: org.id, expiresAt: new Date("2040-04-05T00:00:00Z"), renewalPeriodMonths: 1, priceMinor: 500 },
      { orgId: org.id, expiresAt: new Date("2040-03-05T00:00:00Z"), priceMinor: 9900 },
      { orgId: org.id, expiresAt: new Date("2040-05-01T00:00:00Z"), priceMinor: 9900, status: "TERMINATED" },
      { orgId: org.id, expiresAt: new Date("2041-04-01T00:00:00Z"), priceMinor: 9900 },
    ]);
    const forecast = await renewalForecast(db, actor, { orgId: org.id });
    expect(forecast.currency).toBe("CHF");
    expect(forecast.months.map((m) => m.month)).toEqual(["2040-03", "2040-04", "2040-05", "2040-06", "2040-07", "2040-08", "2040-09", "2040-10", "2040-11", "2040-12", "2041-01", "2041-02"]);
    expect(forecast.months.map((m) => m.amountMinor)).toEqual([1500, ...Array(11).fill(500)]);
    expect(forecast.months.every((m) => m.renewals === 1)).toBe(true);
  });
});
