import type { Db, Tx } from "@/lib/db";
import type { Organization, Product } from "@/lib/generated/prisma/client";
import { SUSPENDED_STEP } from "../lib/dunning/schedule";
import { allocateOrderNumber } from "../lib/orders/order-number";
import { createSandboxPaymentTables } from "../lib/payments/sandbox/store";
import { hashSecret, randomSecret } from "../lib/security/tokens";
import { DAY, now } from "../lib/clock";

const day = (offset: number) => new Date(now().getTime() + offset * DAY);

/** The sandbox operator's own table must exist before the seed's transaction writes the demo checkout. */
export async function prepareOrderSeed(db: Db): Promise<void> {
  await createSandboxPaymentTables(db);
}

type OrderSpec = { status: "PENDING" | "BLOCKED"; placedAgo: number; products: string[] };

/**
 * BIL-4, IDV-4, BIL-1 demo data for Alpine Web: a pending order (its invoice unpaid), a blocked order (paid
 * with the sandbox's suspicious card, waiting for the identity check opened for it), and the dunning step
 * of the overdue invoice whose hosting is suspended.
 */
export async function seedOrders(tx: Tx, alpine: Organization, products: Map<string, Product>, placedById: string) {
  const year = day(0).getUTCFullYear();
  const specs: OrderSpec[] = [
    // Oldest first, so the numbers follow the order they were placed in.
    { status: "BLOCKED", placedAgo: 2, products: ["cafe-du-lac.ch", "Mail alpine-web.ch"] },
    { status: "PENDING", placedAgo: 1, products: ["alpine-web.com"] },
  ];
  for (const spec of specs) {
    const lines = spec.products.map((name) => {
      const p = products.get(name) as Product;
      return { productId: p.id, description: `${name} — renewal`, periodMonths: p.renewalPeriodMonths, amountMinor: p.priceMinor };
    });
    const subtotal = lines.reduce((s, l) => s + l.amountMinor, 0);
    const vat = Math.round((subtotal * 810) / 10_000);
    const placedAt = day(-spec.placedAgo);
    const order = await tx.order.create({
      data: {
        orgId: alpine.id, number: await allocateOrderNumber(tx, placedAt), status: spec.status, currency: alpine.currency, totalMinor: subtotal + vat, placedById,
        createdAt: placedAt, blockedAt: spec.status === "BLOCKED" ? placedAt : null, lines: { create: lines },
      },
    });
    // The next number of the year's gap-free sequence, as issuing an invoice takes it (BIL-7).
    const seq = await tx.invoiceSequence.upsert({ where: { kind_year: { kind: "INVOICE", year } }, create: { kind: "INVOICE", year, last: 1 }, update: { last: { increment: 1 } } });
    const invoice = await tx.invoice.create({
      data: {
        orgId: alpine.id, orderId: order.id, number: `INV-${year}-${String(seq.last).padStart(6, "0")}`, status: spec.status === "BLOCKED" ? "PAID" : "UNPAID",
        currency: alpine.currency, subtotalMinor: subtotal, vatRateBp: 810, vatMinor: vat, totalMinor: subtotal + vat,
        billingSnapshot: { name: alpine.name, street: alpine.street, postalCode: alpine.postalCode, city: alpine.city, country: alpine.country },
        issuedAt: placedAt, dueAt: new Date(placedAt.getTime() + 30 * DAY), paidAt: spec.status === "BLOCKED" ? placedAt : null,
        lines: { create: lines.map((l) => ({ productId: l.productId, description: l.description, periodMonths: l.periodMonths, unitPriceMinor: l.amountMinor, amountMinor: l.amountMinor })) },
      },
    });
    if (spec.status !== "BLOCKED") continue;
    // The operator's record of the held payment (sandbox), so the refund after 10 days finds it.
    const checkoutId = `cs_demo_${order.id}`;
    const payment = await tx.payment.create({
      data: { orgId: alpine.id, invoiceId: invoice.id, methodType: "VISA", amountMinor: invoice.totalMinor, currency: alpine.currency, status: "SUCCEEDED", idempotencyKey: `demo-${order.id}`, providerRef: checkoutId, createdAt: placedAt, settledAt: placedAt },
    });
    await tx.$executeRaw`
      INSERT INTO sandbox.payment_checkouts (id, reference, amount_minor, currency, method, description, return_url, status, brand, last4, exp_month, exp_year, held, created_at, finished_at)
      VALUES (${checkoutId}, ${payment.id}, ${payment.amountMinor}, ${payment.currency}, 'CARD', ${invoice.number}, ${`/${alpine.id}/payments/${payment.id}`}, 'SUCCEEDED', 'VISA', '9235', 12, ${year + 2}, true, ${placedAt}, ${placedAt})
      ON CONFLICT DO NOTHING`;
    // The unblock procedure was mailed when it was blocked: its case waits; "resend the procedure" renews the link.
    const placer = await tx.user.findUniqueOrThrow({ where: { id: placedById }, select: { email: true } });
    await tx.identityVerification.create({ data: { userId: placedById, email: placer.email, reason: "BLOCKED_ORDER", orderId: order.id, tokenHash: hashSecret(randomSecret()), status: "PHONE_CONFIRMED", createdAt: placedAt } });
  }
  // BIL-1: the overdue invoice of the suspended hosting has reached its suspension step.
  const suspended = products.get("Web hosting boulangerie-rochat.ch") as Product;
  await tx.invoice.updateMany({
    where: { orgId: alpine.id, status: "UNPAID", dueAt: { lt: day(0) }, lines: { some: { productId: suspended.id } } },
    data: { dunningStep: SUSPENDED_STEP, dunningAt: suspended.blockedAt ?? day(0) },
  });
}
