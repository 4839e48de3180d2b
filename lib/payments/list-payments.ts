import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PaymentStatus } from "@/lib/generated/prisma/enums";

export const listPaymentsSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  status: z.enum(PaymentStatus, { message: "validation.invalid" }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListPaymentsInput = z.input<typeof listPaymentsSchema>;

export const paymentSummarySelect = {
  id: true,
  status: true,
  methodType: true,
  amountMinor: true,
  currency: true,
  failureCode: true,
  createdAt: true,
  settledAt: true,
  orderId: true,
  invoice: { select: { id: true, number: true, orderId: true } },
  method: { select: { label: true } },
} as const satisfies Prisma.PaymentSelect;

export type PaymentSummary = Prisma.PaymentGetPayload<{ select: typeof paymentSummarySelect }>;

/**
 * The Organization's payment attempts, newest first (read by token, BIL-4 / BIL-5): what was charged, how,
 * and with what outcome. Never a card number — only the saved method's label (brand and last 4 digits).
 */
export async function listPayments(db: Db, actor: Actor, raw: ListPaymentsInput) {
  const input = listPaymentsSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.read");
    const where: Prisma.PaymentWhereInput = { orgId: me.orgId, ...(input.status ? { status: input.status } : {}) };
    const [items, total] = await Promise.all([
      tx.payment.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (input.page - 1) * input.perPage, take: input.perPage, select: paymentSummarySelect }),
      tx.payment.count({ where }),
    ]);
    return { items, total, page: input.page, perPage: input.perPage };
  });
}
