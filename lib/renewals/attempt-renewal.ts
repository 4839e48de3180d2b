import { systemJob } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { config } from "@/lib/config";
import type { Db } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { allocateOrderNumber } from "@/lib/orders/order-number";
import { sendEmail } from "@/lib/notifications/send-email";
import { paymentOperator } from "@/lib/payments/operator";
import type { PaymentFailure } from "@/lib/payments/types";
import { creditCashback } from "@/lib/partners/credit-cashback";
import { payerOf, resellerPrice } from "@/lib/partners/payer";
import { payerRenewalMethod } from "./auto-renew-method";
import { billingRecipients } from "./billing-recipients";
import { billingMessagesOf, renewalAmount } from "./renewal-amount";
import { addMonths, attemptKey, attemptSlot, nextAttemptAt } from "./schedule";

const JOB = systemJob("renewals-daily");

const ORG_SELECT = { name: true, currency: true, country: true, vatNumber: true, vatNumberValid: true } as const;

export type AttemptOutcome = "SUCCEEDED" | "FAILED" | "SKIPPED";

/**
 * BIL-9: one automatic renewal attempt of a product, in the attempt slot `at` falls in. The payment row is
 * claimed with the slot's idempotency key first (a second run of the same slot finds it settled and does
 * nothing; one left pending by a crash is charged again with the same key, which the operator answers
 * once), then the saved method is charged off-session, then the result is settled under the payment's
 * row lock: on success an order and a paid invoice are issued and the product renewed by one period; on
 * failure the payment records why. The e-mails go out after the commit. When a full partnership makes the
 * partner pay (PRT-5), the partner's saved method is charged and the order and invoice are the partner's,
 * at its reseller price; the product renews in the client's Organization.
 */
export async function attemptRenewal(db: Db, productId: string, at: Date): Promise<AttemptOutcome> {
  const claim = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Product" WHERE id = ${productId} FOR UPDATE`;
    const product = await tx.product.findUnique({
      where: { id: productId },
      select: {
        id: true, orgId: true, name: true, status: true, autoRenew: true, autoRenewMethodId: true, expiresAt: true, priceMinor: true, renewalPeriodMonths: true,
        organization: { select: ORG_SELECT },
      },
    });
    if (!product || !product.autoRenew || !product.autoRenewMethodId || product.status === "TERMINATED") return null;
    const slot = attemptSlot(product.expiresAt, at);
    if (slot === null) return null;
    // PRT-5: a partner paying for this client renews with its own saved method, in its own Organization.
    const payer = await payerOf(tx, product.orgId, "AUTO_RENEWAL");
    const payerOrg = payer.orgId === product.orgId ? product.organization : await tx.organization.findUniqueOrThrow({ where: { id: payer.orgId }, select: ORG_SELECT });
    // Prices are the client's: a partner invoiced in another currency cannot pay them as they are.
    if (payerOrg.currency !== product.organization.currency) return null;
    const method =
      payer.orgId === product.orgId
        ? await tx.paymentMethod.findFirst({ where: { id: product.autoRenewMethodId, orgId: product.orgId, removedAt: null, providerToken: { not: null } } })
        : await payerRenewalMethod(tx, payer.orgId, at);
    if (!method) {
      // PRT-5: the partner paying for the client has nothing that renews by itself. It is told once per
      // expiry (the notice's key), like a client whose card fails is told; nothing is charged.
      if (payer.orgId === product.orgId) return null;
      const { count } = await tx.renewalNotice.createMany({ data: [{ productId: product.id, expiresAt: product.expiresAt, kind: "PAYER_NO_METHOD", sentAt: at }], skipDuplicates: true });
      return count === 1 ? { noMethod: true as const, product, slot, payerOrgId: payer.orgId, partnerName: payerOrg.name } : null;
    }
    const idempotencyKey = attemptKey(product.id, product.expiresAt, slot);
    const { subtotalMinor, totalMinor } = renewalAmount(payerOrg, { priceMinor: resellerPrice(product.priceMinor, payer.discountBp) });
    await tx.payment.createMany({
      data: [{ orgId: payer.orgId, methodId: method.id, methodType: method.type, amountMinor: totalMinor, currency: payerOrg.currency, idempotencyKey, createdAt: at }],
      skipDuplicates: true,
    });
    const payment = await tx.payment.findUniqueOrThrow({ where: { idempotencyKey } });
    if (payment.status !== "PENDING") return null;
    return { noMethod: false as const, product, method, payment, slot, subtotalMinor, payer, payerOrg };
  });
  if (!claim) return "SKIPPED";
  if (claim.noMethod) {
    await tellPayerWithoutMethod(db, claim);
    return "SKIPPED";
  }
  const { product, method, payment, slot, subtotalMinor, payer, payerOrg } = claim;
  const description = `${product.name} — renewal ${product.renewalPeriodMonths} months`;
  const result = await paymentOperator().chargeSavedMethod({
    reference: payment.id,
    idempotencyKey: payment.idempotencyKey,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    token: method.providerToken!,
    expMonth: method.expMonth,
    expYear: method.expYear,
    description,
  });

  const settled = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ${payment.id} FOR UPDATE`;
    const current = await tx.payment.findUniqueOrThrow({ where: { id: payment.id } });
    if (current.status !== "PENDING") return null;
    if (result.status === "FAILED") {
      const failure: PaymentFailure = result.failure ?? "DECLINED";
      await tx.payment.update({ where: { id: payment.id }, data: { status: "FAILED", failureCode: failure, providerRef: result.operatorRef, settledAt: at } });
      await audit(tx, JOB, { action: "payment.failed", orgId: payer.orgId, targetId: payment.id, metadata: { failure, productId: product.id, slot } });
      return { ok: false as const, failure };
    }
    const order = await tx.order.create({
      data: {
        orgId: payer.orgId,
        partnerId: payer.partnerId,
        number: await allocateOrderNumber(tx, at),
        status: "PAID",
        currency: payment.currency,
        totalMinor: payment.amountMinor,
        paidAt: at,
        createdAt: at,
        lines: { create: [{ productId: product.id, description, periodMonths: product.renewalPeriodMonths, amountMinor: subtotalMinor }] },
      },
    });
    const invoice = await issueInvoice(tx, {
      orgId: payer.orgId,
      orderId: order.id,
      lines: [{ description, unitPriceMinor: subtotalMinor, periodMonths: product.renewalPeriodMonths, productId: product.id }],
    });
    await tx.invoice.update({ where: { id: invoice.id }, data: { status: "PAID", paidAt: at } });
    // PRT-5: a renewal the client pays earns its partner's cashback, like any paid invoice of the client.
    await creditCashback(tx, invoice.id, at);
    await tx.payment.update({ where: { id: payment.id }, data: { status: "SUCCEEDED", invoiceId: invoice.id, orderId: order.id, providerRef: result.operatorRef, settledAt: at } });
    const until = addMonths(product.expiresAt, product.renewalPeriodMonths);
    await tx.product.update({ where: { id: product.id }, data: { expiresAt: until } });
    await audit(tx, JOB, { action: "payment.succeeded", orgId: payer.orgId, targetId: payment.id, metadata: { amountMinor: payment.amountMinor, currency: payment.currency } });
    await audit(tx, JOB, { action: "product.renewed", orgId: product.orgId, targetId: product.id, metadata: { until: until.toISOString(), invoice: invoice.number, ...(payer.orgId !== product.orgId ? { payerOrgId: payer.orgId } : {}) } });
    return { ok: true as const, invoice, until };
  });
  if (!settled) return "SKIPPED";

  // The payer's billing people are told: a partner's invoice is not shown to its client (PRT-5).
  const recipients = await billingRecipients(db, payer.orgId);
  const prefs = await billingMessagesOf(db, payer.orgId);
  const base = { organizationName: payerOrg.name, method: method.label };
  for (const r of recipients) {
    const amount = formatMoney(payment.amountMinor, payment.currency, r.locale);
    if (!settled.ok) {
      await sendEmail(db, {
        to: r.email,
        locale: r.locale,
        template: "renewalFailed",
        params: { ...base, productName: product.name, expiresAt: product.expiresAt, amount, failure: settled.failure, nextAttemptAt: nextAttemptAt(product.expiresAt, slot), url: `${config.appUrl}/${product.orgId}/payments/renewals?product=${product.id}`, timeZone: r.timeZone },
      });
      continue;
    }
    const invoiceUrl = `${config.appUrl}/${payer.orgId}/invoices/${settled.invoice.id}`;
    if (prefs.notifyRenewal) {
      await sendEmail(db, {
        to: r.email,
        locale: r.locale,
        template: "renewalSucceeded",
        params: { ...base, productName: product.name, until: settled.until, amount, invoiceNumber: settled.invoice.number, url: invoiceUrl, timeZone: r.timeZone },
      });
    }
    if (prefs.notifyInvoiceIssued) {
      await sendEmail(db, { to: r.email, locale: r.locale, template: "invoiceIssued", params: { ...base, invoiceNumber: settled.invoice.number, amount, url: invoiceUrl } });
    }
  }
  return settled.ok ? "SUCCEEDED" : "FAILED";
}

/** PRT-5: the partner's billing people learn that the renewal of its client's product could not be attempted. */
async function tellPayerWithoutMethod(db: Db, c: { product: { id: string; orgId: string; name: string; expiresAt: Date; organization: { name: string } }; slot: number; payerOrgId: string; partnerName: string }) {
  for (const r of await billingRecipients(db, c.payerOrgId)) {
    await sendEmail(db, {
      to: r.email,
      locale: r.locale,
      template: "renewalNoMethod",
      params: {
        organizationName: c.product.organization.name,
        partnerName: c.partnerName,
        productName: c.product.name,
        expiresAt: c.product.expiresAt,
        nextAttemptAt: nextAttemptAt(c.product.expiresAt, c.slot),
        url: `${config.appUrl}/${c.product.orgId}/payments`,
        timeZone: r.timeZone,
      },
    });
  }
}
