import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requirePartnerMember } from "./partner-of";

export const CASHBACK_PAGE_SIZE = 25;

const cursorField = z.string().max(200).optional();

export const listCashbackPageSchema = z.object({
  partnerId: z.string().min(1).max(64),
  after: cursorField,
  before: cursorField,
  perPage: z.coerce.number().int().min(1).max(100).default(CASHBACK_PAGE_SIZE),
});
export type ListCashbackPageInput = z.input<typeof listCashbackPageSchema>;

export type CashbackEntry = { id: string; clientName: string; invoiceNumber: string; amountMinor: number; currency: string; createdAt: Date };

type Cursor = { at: Date; id: string };

const encode = (row: { createdAt: Date; id: string }) => Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");

/** A cursor that is not one of ours is the first page, not an error. */
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
 * PRT-5: the partner's whole cashback ledger, newest first, keyset-paged on (createdAt, id) along the
 * (partnerId, createdAt) index so a late page costs what the first does, with the total earned per
 * currency over every entry. Members of the partner's Organization who may read its billing; another
 * member gets FORBIDDEN, anyone else NOT_FOUND.
 */
export async function listCashbackPage(db: Db, actor: Actor, raw: ListCashbackPageInput) {
  const input = listCashbackPageSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const { partner, access } = await requirePartnerMember(tx, actor, input.partnerId, "org.read");
    if (!access.actions.has("billing.read")) throw new AppError("FORBIDDEN");
    const after = decode(input.after);
    const before = after ? null : decode(input.before);
    const cursor = after ?? before;
    // Newest first: "after" goes to older entries, "before" back to newer ones.
    const dir = before ? "asc" : "desc";
    const where: Prisma.PartnerCashbackWhereInput = { partnerId: partner.id };
    if (cursor) {
      const op = dir === "desc" ? "lt" : "gt";
      where.OR = [{ createdAt: { [op]: cursor.at } }, { createdAt: cursor.at, id: { [op]: cursor.id } }];
    }
    const [named, totals, rows] = await Promise.all([
      tx.partner.findUniqueOrThrow({ where: { id: partner.id }, select: { displayName: true } }),
      tx.partnerCashback.groupBy({ by: ["currency"], where: { partnerId: partner.id }, _sum: { amountMinor: true }, _count: true, orderBy: { currency: "asc" } }),
      tx.partnerCashback.findMany({
        where,
        orderBy: [{ createdAt: dir }, { id: dir }],
        take: input.perPage + 1,
        select: { id: true, amountMinor: true, currency: true, createdAt: true, client: { select: { name: true } }, invoice: { select: { number: true } } },
      }),
    ]);
    const more = rows.length > input.perPage;
    const page = rows.slice(0, input.perPage);
    if (before) page.reverse();
    const items: CashbackEntry[] = page.map((e) => ({ id: e.id, clientName: e.client.name, invoiceNumber: e.invoice.number, amountMinor: e.amountMinor, currency: e.currency, createdAt: e.createdAt }));
    const hasNewer = before ? more : !!cursor;
    const hasOlder = before ? !!cursor : more;
    return {
      partnerName: named.displayName,
      totals: totals.map((t) => ({ currency: t.currency, amountMinor: t._sum.amountMinor ?? 0, entries: t._count })),
      items,
      previousCursor: hasNewer && page[0] ? encode(page[0]) : null,
      nextCursor: hasOlder && page.at(-1) ? encode(page.at(-1)!) : null,
    };
  });
}
