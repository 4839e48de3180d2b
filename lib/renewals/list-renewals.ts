import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { allows, requireAccess } from "@/lib/access/require-access";
import { DAY, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { changeableProductIds, visibleProductsWhere } from "@/lib/products/visible-products";
import { canRenewWith, METHOD_ORDER, METHOD_SELECT } from "./auto-renew-method";
import { attemptSlot, cardExpiresBefore, firstAttemptAt, MIN_DAYS_TO_ENABLE, RENEWAL_ATTEMPT_DAYS } from "./schedule";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

export const listRenewalsSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  q: optional(z.string().trim().max(100)),
  /** Keyset cursor on (expiry, id): the page after it (never OFFSET, constant cost at 100,000 products). */
  after: optional(z.string().max(200)),
  /** A product to preselect (the payments page links here with ?product=<id>). */
  product: optional(z.string().max(64)),
  perPage: z.coerce.number().int().min(1).max(100).catch(25).default(25),
});
export type ListRenewalsInput = z.input<typeof listRenewalsSchema>;

export type RenewalRow = {
  id: string;
  name: string;
  category: string;
  status: string;
  expiresAt: Date;
  autoRenew: boolean;
  methodLabel: string | null;
  /** When the next automatic attempt is due (auto-renewal on). */
  nextAttemptAt: Date | null;
  /** BIL-9: too close to expiry to turn auto-renewal on (renew it first). */
  expiresSoon: boolean;
  /** BIL-9: the saved card stops working before the next attempt. */
  cardExpires: boolean;
  /** Visible but only readable (READ grant): not selectable. */
  readOnly: boolean;
};

function encode(row: { expiresAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.expiresAt.toISOString(), row.id])).toString("base64url");
}

function decode(raw: string | undefined): { expiresAt: Date; id: string } | null {
  if (!raw) return null;
  try {
    const [v, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof v !== "string" || typeof id !== "string" || Number.isNaN(Date.parse(v))) return null;
    return { expiresAt: new Date(v), id };
  } catch {
    return null;
  }
}

/** The next attempt of a product with auto-renewal: the first one, or the current slot's next. */
function nextAttempt(expiresAt: Date, at: Date): Date | null {
  const first = firstAttemptAt(expiresAt);
  if (at < first) return first;
  const slot = attemptSlot(expiresAt, at);
  if (slot === null) return null;
  const next = RENEWAL_ATTEMPT_DAYS.find((d) => d < slot);
  return next === undefined ? null : new Date(expiresAt.getTime() - next * DAY);
}

/**
 * BIL-8 "Manage renewals": the products the actor sees (PRD-3), soonest expiry first, terminated ones
 * left out, with their auto-renewal state, the method they renew with and what stops them. Keyset-paged
 * on the (orgId, expiresAt, id) index; three statements whatever the size (access, the page and the saved methods together),
 * a fourth for a member limited by grants.
 */
export async function listRenewals(db: Db, actor: Actor, raw: ListRenewalsInput) {
  const input = listRenewalsSchema.parse(raw);
  const access = await requireAccess(db, actor, input.orgId, "billing.read");
  const at = now();
  const cursor = decode(input.after);
  const filters: Prisma.ProductWhereInput[] = [visibleProductsWhere(access), { status: { not: "TERMINATED" } }];
  if (input.q) filters.push({ name: { contains: input.q.replace(/[\\%_]/g, (c) => `\\${c}`), mode: "insensitive" } });
  if (cursor) filters.push({ OR: [{ expiresAt: { gt: cursor.expiresAt } }, { expiresAt: cursor.expiresAt, id: { gt: cursor.id } }] });
  const select = { id: true, name: true, status: true, expiresAt: true, autoRenew: true, autoRenewMethodId: true, category: { select: { code: true } } } as const;
  const [rows, methods, focus] = await Promise.all([
    db.product.findMany({ where: { AND: filters }, orderBy: [{ expiresAt: "asc" }, { id: "asc" }], take: input.perPage + 1, select }),
    db.paymentMethod.findMany({ where: { orgId: access.orgId, removedAt: null }, orderBy: METHOD_ORDER, select: METHOD_SELECT }),
    // The product the payments page sent us for, shown first even when it is on a later page.
    input.product && !cursor ? db.product.findFirst({ where: { AND: [visibleProductsWhere(access), { id: input.product, status: { not: "TERMINATED" } }] }, select }) : null,
  ]);
  const page = rows.slice(0, input.perPage);
  if (focus && !page.some((p) => p.id === focus.id)) page.unshift(focus);
  const changeable = await changeableProductIds(db, access, page.map((p) => p.id));
  const byId = new Map(methods.map((m) => [m.id, m]));
  const items: RenewalRow[] = page.map((p) => {
    const method = p.autoRenew && p.autoRenewMethodId ? byId.get(p.autoRenewMethodId) : undefined;
    const next = p.autoRenew ? nextAttempt(p.expiresAt, at) : null;
    return {
      id: p.id,
      name: p.name,
      category: p.category.code,
      status: p.status,
      expiresAt: p.expiresAt,
      autoRenew: p.autoRenew,
      methodLabel: method?.label ?? null,
      nextAttemptAt: next,
      expiresSoon: p.expiresAt.getTime() - at.getTime() < MIN_DAYS_TO_ENABLE * DAY,
      cardExpires: !!(method && next && cardExpiresBefore(method, next)),
      readOnly: !changeable.has(p.id),
    };
  });
  return {
    items,
    params: input,
    canChange: allows(access, "billing.pay"),
    /** The saved methods auto-renewal can use (BIL-8); none: the page asks to pay once by card to save one. */
    methods: methods.filter((m) => canRenewWith(m, at)).map((m) => ({ id: m.id, label: m.label })),
    /** The product to preselect, when the actor sees it. */
    preselected: focus?.id ?? null,
    nextCursor: rows.length > input.perPage ? encode(rows[input.perPage - 1]!) : null,
  };
}
