import { z } from "zod";
import { actorUserId, type Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import { now } from "@/lib/clock";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { issueInvoice } from "@/lib/invoices/issue-invoice";
import { resellerPrice } from "@/lib/partners/payer";
import { CHECKOUT_METHODS } from "@/lib/payments/types";
import { requireProductsToChange } from "@/lib/products/visible-products";
import { allocateOrderNumber } from "./order-number";
import { renewalOrderTerms } from "./renewal-order-terms";
import { MAX_RENEWAL_MONTHS, renewalPeriods } from "./renewal-periods";

/** Form fields arrive once (a string) or repeated (an array). */
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const placeRenewalOrderSchema = z
  .object({
    orgId: z.string().min(1, "validation.required"),
    /** Generated when the page is shown: the order, its invoice and the payment attempt share it. */
    idempotencyKey: z.string().uuid("validation.invalid"),
    /**
     * A payment operator's method, or IBAN: a pro-forma invoice to pay by transfer (BIL-5). Only for who
     * pays ("billing.pay"); a partner ordering for a client that pays itself leaves it to the client (PRT-5).
     */
    method: z.enum([...CHECKOUT_METHODS, "IBAN"], { message: "billing.chooseMethodError" }).optional(),
    productIds: list(z.string().min(1).max(64)).pipe(z.array(z.string()).min(1, "payments.errors.nothingSelected").max(100, "payments.errors.tooMany")),
    /** The period of each selected line, in months, in the order of `productIds` (BIL-3). */
    months: list(z.coerce.number({ message: "payments.errors.periodNotAllowed" }).int("payments.errors.periodNotAllowed").min(1, "payments.errors.periodNotAllowed").max(MAX_RENEWAL_MONTHS, "payments.errors.periodNotAllowed")),
  })
  .superRefine((v, ctx) => {
    if (v.months.length !== v.productIds.length) ctx.addIssue({ code: "custom", path: ["months"], message: "payments.errors.periodNotAllowed" });
    if (new Set(v.productIds).size !== v.productIds.length) ctx.addIssue({ code: "custom", path: ["productIds"], message: "validation.invalid" });
  });
export type PlaceRenewalOrderInput = z.input<typeof placeRenewalOrderSchema>;

export type PlacedOrder = { orderId: string; invoiceId: string; orgId: string };
export const RENEWAL_METHODS = [...CHECKOUT_METHODS, "IBAN"] as const;

/**
 * BIL-2 / BIL-3: "Pay my selection" — one order and one invoice for every selected renewal, each line
 * for a period its category allows. The paying Organization is the order's own (`Order.orgId`): the
 * client's, or the partner's when it pays for this client (PRT-5, lib/partners/payer.ts) — the products stay the client's.
 * Ordering asks "billing.order"; choosing how the order is paid asks "billing.pay" where the order is
 * invoiced (renewal-order-terms.ts), so a partner whose client pays — or a partner's plain user while the
 * partner pays — places the order without a method (FORBIDDEN with one) and the payer's billing people pay
 * it from their pending orders (BIL-4).
 * Only products the actor may change (PRD-3): another Organization's or a hidden one is NOT_FOUND and
 * nothing is written. The same idempotency key places the order once (a double click, a retry).
 */
export async function placeRenewalOrder(db: Db, actor: Actor, raw: PlaceRenewalOrderInput): Promise<PlacedOrder> {
  const input = placeRenewalOrderSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.order");
    // PRT-5: who is invoiced — the client, or the partner acting through a full partnership where the partner
    // pays — and whether the one ordering may pay there (PRT-9: a partner's plain user may not).
    const { payer, choosesMethod } = await renewalOrderTerms(tx, me);
    if (choosesMethod) {
      if (!input.method) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { method: ["billing.chooseMethodError"] });
    } else if (input.method) throw new AppError("FORBIDDEN", payer.orgId === me.orgId ? undefined : "payments.errors.partnerBillingPays");
    // Two requests with one key at once: the second waits here, then finds the first one's order.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`order:${input.idempotencyKey}`}))`;
    const existing = await tx.order.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, orgId: true, invoices: { select: { id: true }, take: 1 } } });
    if (existing) {
      if (existing.orgId !== payer.orgId || !existing.invoices[0]) throw new AppError("CONFLICT");
      return { orderId: existing.id, invoiceId: existing.invoices[0].id, orgId: payer.orgId };
    }
    await requireProductsToChange(tx, me, input.productIds);
    const lines = (await renewalLines(tx, me.orgId, input.productIds, input.months)).map((l) => ({ ...l, unitPriceMinor: resellerPrice(l.unitPriceMinor, payer.discountBp) }));
    const currencies = await tx.organization.findMany({ where: { id: { in: [me.orgId, payer.orgId] } }, select: { id: true, currency: true } });
    const currency = currencies.find((o) => o.id === payer.orgId)!.currency;
    // Prices are the client's; a partner invoiced in another currency cannot pay them as they are.
    if (currencies.some((o) => o.currency !== currency)) throw new AppError("CONFLICT", "payments.errors.payerCurrency");
    const at = now();
    const order = await tx.order.create({
      data: {
        orgId: payer.orgId,
        partnerId: payer.partnerId,
        number: await allocateOrderNumber(tx, at),
        currency,
        totalMinor: 0,
        placedById: actorUserId(actor),
        idempotencyKey: input.idempotencyKey,
        createdAt: at,
        lines: { create: lines.map((l) => ({ productId: l.productId, description: l.description, periodMonths: l.periodMonths, amountMinor: l.unitPriceMinor * l.quantity })) },
      },
    });
    // BIL-5: paying by transfer gets a pro-forma first; it is settled like an invoice when the money arrives.
    const invoice = await issueInvoice(tx, { orgId: payer.orgId, orderId: order.id, lines, kind: input.method === "IBAN" ? "PROFORMA" : "INVOICE" });
    await tx.order.update({ where: { id: order.id }, data: { totalMinor: invoice.totalMinor } });
    await audit(tx, actor, { action: "order.placed", orgId: me.orgId, targetId: order.id, metadata: { invoice: invoice.number, products: lines.length, totalMinor: invoice.totalMinor, ...(payer.orgId !== me.orgId ? { payerOrgId: payer.orgId } : {}) } });
    return { orderId: order.id, invoiceId: invoice.id, orgId: payer.orgId };
  });
}

/** The invoice lines of the selection; a period the product's category does not allow is refused per line. */
async function renewalLines(tx: Tx, orgId: string, productIds: string[], months: number[]) {
  const products = await tx.product.findMany({
    where: { orgId, id: { in: productIds } },
    select: { id: true, name: true, status: true, priceMinor: true, renewalPeriodMonths: true, category: { select: { maxRenewalYears: true } } },
  });
  const byId = new Map(products.map((p) => [p.id, p]));
  const fieldErrors: Record<string, string[]> = {};
  const lines = productIds.map((id, i) => {
    const product = byId.get(id);
    if (!product) throw new AppError("NOT_FOUND");
    if (product.status === "TERMINATED") throw new AppError("CONFLICT", "payments.errors.terminated");
    const periodMonths = months[i]!;
    if (!renewalPeriods(product).includes(periodMonths)) fieldErrors[`months.${i}`] = ["payments.errors.periodNotAllowed"];
    const quantity = Math.max(1, Math.round(periodMonths / Math.max(1, product.renewalPeriodMonths)));
    return { productId: id, description: product.name, unitPriceMinor: product.priceMinor, quantity, periodMonths };
  });
  if (Object.keys(fieldErrors).length) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", fieldErrors);
  return lines;
}
