import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { allows, requireAccess } from "@/lib/access/require-access";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { renewalOrderTerms } from "@/lib/orders/renewal-order-terms";
import { renewalPeriods } from "@/lib/orders/renewal-periods";
import { changeableProductIds, visibleProductsWhere } from "@/lib/products/visible-products";

/** BIL-2: the default window of the payments page — products expiring within the next 2 months. */
export const RENEWAL_WINDOW_MONTHS = 2;

export function renewalWindowEnd(from: Date = now()): Date {
  const end = new Date(from);
  end.setUTCMonth(end.getUTCMonth() + RENEWAL_WINDOW_MONTHS);
  return end;
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

export const listRenewalsSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  /** "show all" instead of the next 2 months. */
  all: optional(z.enum(["1"])).transform((v) => v === "1"),
  after: optional(z.string().max(200)),
  before: optional(z.string().max(200)),
  perPage: z.coerce.number().int().min(1).max(100).catch(25).default(25),
});
export type ListRenewalsInput = z.input<typeof listRenewalsSchema>;

const SELECT = {
  id: true,
  name: true,
  status: true,
  expiresAt: true,
  renewalPeriodMonths: true,
  priceMinor: true,
  currency: true,
  autoRenew: true,
  category: { select: { code: true, maxRenewalYears: true } },
} satisfies Prisma.ProductSelect;

export type RenewalItem = {
  id: string;
  name: string;
  category: string;
  status: string;
  expiresAt: Date;
  priceMinor: number;
  currency: string;
  renewalPeriodMonths: number;
  autoRenew: boolean;
  /** The periods this line may be renewed for (months), the first being the product's own (BIL-3). */
  periods: number[];
};

type Cursor = { at: Date; id: string };

const encode = (row: { expiresAt: Date; id: string }) => Buffer.from(JSON.stringify([row.expiresAt.toISOString(), row.id])).toString("base64url");

function decode(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || Number.isNaN(Date.parse(at))) return null;
    return { at: new Date(at), id };
  } catch {
    return null;
  }
}

/**
 * BIL-2 / PRD-3: the products to renew that the actor sees, soonest expiry first — by default those
 * expiring within the next 2 months (expired ones not yet terminated included), or all of them. Keyset
 * paging on (expiresAt, id) along the (orgId, expiresAt, id) index, so any page costs what the first
 * does: access (read once per render by the console), the page with its categories (one statement) and the Organization's currency, and
 * for a member limited by grants which of the page's products they may only read.
 */
export async function listRenewals(db: Db, actor: Actor, raw: ListRenewalsInput) {
  const input = listRenewalsSchema.parse(raw);
  // PRT-5: the products to renew, their expiry and public price are for whoever may order renewals
  // ("billing.order") — a FULL partner while its client pays included — not the client's billing history.
  const access = await requireAccess(db, actor, input.orgId, "billing.order");
  const after = decode(input.after);
  const before = after ? null : decode(input.before);
  const cursor = after ?? before;
  const dir = before ? "desc" : "asc";
  const filters: Prisma.ProductWhereInput[] = [visibleProductsWhere(access), { status: { not: "TERMINATED" } }];
  if (!input.all) filters.push({ expiresAt: { lte: renewalWindowEnd() } });
  if (cursor) {
    const op = dir === "asc" ? "gt" : "lt";
    filters.push({ OR: [{ expiresAt: { [op]: cursor.at } }, { expiresAt: cursor.at, id: { [op]: cursor.id } }] });
  }
  const [rows, org, terms] = await Promise.all([
    db.product.findMany({ where: { AND: filters }, orderBy: [{ expiresAt: dir }, { id: dir }], take: input.perPage + 1, select: SELECT }),
    db.organization.findUniqueOrThrow({ where: { id: access.orgId }, select: { currency: true } }),
    // PRT-5, PRT-9: the same decision placeRenewalOrder makes — who is invoiced, and whether the reader pays there.
    renewalOrderTerms(db, access),
  ]);
  const payerName = terms.payer.orgId === access.orgId ? null : (await db.organization.findUniqueOrThrow({ where: { id: terms.payer.orgId }, select: { name: true } })).name;
  const more = rows.length > input.perPage;
  const page = rows.slice(0, input.perPage);
  if (before) page.reverse();
  const items: RenewalItem[] = page.map(({ category, ...p }) => ({ ...p, category: category.code, periods: renewalPeriods({ ...p, category }) }));
  const changeable = await changeableProductIds(db, access, items.map((i) => i.id));
  const hasPrevious = before ? more : !!cursor;
  const hasNext = before ? !!cursor : more;
  return {
    items,
    params: input,
    /** The paying Organization's currency: invoices and payment methods follow it (BIL-5, BIL-7). */
    currency: org.currency,
    /** Whether the reader chooses how the selection is paid; otherwise it orders and the payer pays (PRT-5). */
    canPay: terms.choosesMethod,
    /** The partner's name when the partner is invoiced for what the reader orders here (PRT-5), else null. */
    payerName,
    /** Whether the reader also sees the Organization's invoices, payments and renewal settings (links to them). */
    readsBilling: allows(access, "billing.read"),
    /** Products of the page the actor sees but may not renew (held through READ grants only, SEC-5). */
    readOnlyIds: items.filter((i) => !changeable.has(i.id)).map((i) => i.id),
    previousCursor: hasPrevious && page[0] ? encode(page[0]) : null,
    nextCursor: hasNext && page.at(-1) ? encode(page.at(-1)!) : null,
  };
}
