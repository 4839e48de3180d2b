import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export const listOrdersSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  /** The opaque cursor of the previous page's last order (`nextCursor`). */
  cursor: z.string().max(200, "validation.invalid").optional(),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListOrdersInput = z.input<typeof listOrdersSchema>;

export const orderSummarySelect = {
  id: true,
  number: true,
  status: true,
  currency: true,
  totalMinor: true,
  placedById: true,
  createdAt: true,
  paidAt: true,
  blockedAt: true,
  cancelledAt: true,
} as const satisfies Prisma.OrderSelect;

export type OrderSummary = Prisma.OrderGetPayload<{ select: typeof orderSummarySelect }>;

/** Where a page starts: in the pending orders (phase 0) or in the others (phase 1), after (createdAt, id). */
type Cursor = { phase: 0 | 1; createdAt: Date; id: string };

const cursorSchema = z.object({ p: z.union([z.literal(0), z.literal(1)]), c: z.iso.datetime(), i: z.string().min(1).max(64) });

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ p: c.phase, c: c.createdAt.toISOString(), i: c.id })).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return { phase: parsed.p, createdAt: new Date(parsed.c), id: parsed.i };
  } catch {
    throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { cursor: ["validation.invalid"] });
  }
}

/**
 * BIL-4: the Organization's orders, the pending ones (still to pay) first, then the others; newest first
 * within each. Keyset-paged — each page reads from the (orgId, status) and (orgId, createdAt, id) indexes
 * whatever the number of orders — with an opaque cursor naming the last order shown.
 */
export async function listOrders(db: Db, actor: Actor, raw: ListOrdersInput) {
  const input = listOrdersSchema.parse(raw);
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  return db.$transaction(async (tx) => {
    const me = await requireAccess(tx, actor, input.orgId, "billing.read");
    const take = input.perPage + 1;
    const after = (c: Cursor | null): Prisma.OrderWhereInput =>
      c ? { OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }] } : {};
    const order = [{ createdAt: "desc" }, { id: "desc" }] as const satisfies Prisma.OrderOrderByWithRelationInput[];
    const rows: (OrderSummary & { phase: 0 | 1 })[] = [];
    if (!cursor || cursor.phase === 0) {
      const pending = await tx.order.findMany({ where: { orgId: me.orgId, status: "PENDING", ...after(cursor) }, orderBy: [...order], take, select: orderSummarySelect });
      rows.push(...pending.map((o) => ({ ...o, phase: 0 as const })));
    }
    if (rows.length < take) {
      const others = await tx.order.findMany({
        where: { orgId: me.orgId, status: { not: "PENDING" }, ...after(cursor?.phase === 1 ? cursor : null) },
        orderBy: [...order],
        take: take - rows.length,
        select: orderSummarySelect,
      });
      rows.push(...others.map((o) => ({ ...o, phase: 1 as const })));
    }
    const items = rows.slice(0, input.perPage);
    const last = items[items.length - 1];
    const nextCursor = rows.length > input.perPage && last ? encodeCursor({ phase: last.phase, createdAt: last.createdAt, id: last.id }) : null;
    const total = await tx.order.count({ where: { orgId: me.orgId } });
    return { items: items.map(({ phase: _phase, ...o }) => o), nextCursor, perPage: input.perPage, total };
  });
}
