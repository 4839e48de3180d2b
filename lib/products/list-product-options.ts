import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleProductsWhere } from "./visible-products";

/** How many products a picker receives at once; the others are found by typing or "load more". */
export const PRODUCT_OPTIONS_LIMIT = 25;
/** Counts stop here: "1,000+ products" says enough, and a capped count costs what a page costs. */
export const PRODUCT_OPTIONS_COUNT_CAP = 1000;

export type ProductOption = { id: string; name: string; category: string };
/** One page of a picker's products, what is left after it, and how many match in all (up to the cap). */
export type ProductOptionsPage = { items: ProductOption[]; nextCursor: string | null; total: number; capped: boolean };

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const listProductOptionsSchema = z.object({
  orgId: z.string().trim().min(1, "validation.required").max(64, "validation.invalid"),
  q: optional(z.string().trim().max(100, "validation.tooLong")),
  category: optional(z.string().trim().max(40, "validation.invalid")),
  // A stale or malformed cursor starts again from the first page rather than failing the picker.
  cursor: optional(z.string().max(400)).catch(undefined),
  /** The products already granted to this member (directly, or through their teams) instead of those to grant. */
  member: optional(z.string().trim().min(1).max(64, "validation.invalid")),
  held: z.enum(["direct", "teams"], { message: "validation.invalid" }).default("direct"),
});
export type ListProductOptionsInput = z.input<typeof listProductOptionsSchema>;

/** A keyset cursor on (name, id), opaque to the browser; a malformed one reads as the first page. */
export function encodeCursor(row: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([row.name, row.id])).toString("base64url");
}

export function decodeCursor(raw: string | undefined): { name: string; id: string } | null {
  if (!raw) return null;
  try {
    const [name, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    return typeof name === "string" && typeof id === "string" ? { name, id } : null;
  } catch {
    return null;
  }
}

/**
 * ORG-2/ORG-5/ORG-6/PRT-3: the products a picker offers — those the actor sees (PRD-3, so nobody is
 * offered more than they hold) and that are not terminated — whose name contains `q` (any case), in one
 * category if given, by name, keyset-paged on (name, id) so the 4,000th page costs what the first does.
 * With `member`, the same rule applied to what that member already holds (`held`: directly or through a
 * team), for the forms that show existing grants. Three statements whatever the size: access, the page,
 * and a count capped at PRODUCT_OPTIONS_COUNT_CAP. Another Organization's member is NOT_FOUND.
 */
export async function listProductOptions(db: Db, actor: Actor, raw: ListProductOptionsInput): Promise<ProductOptionsPage> {
  const input = listProductOptionsSchema.parse(raw);
  const me = await requireAccess(db, actor, input.orgId, input.member ? "members.view" : "products.read");
  const filters: Prisma.ProductWhereInput[] = [visibleProductsWhere(me), { status: { not: "TERMINATED" } }];
  if (input.member) {
    const member = await db.membership.findFirst({ where: { id: input.member, orgId: me.orgId }, select: { id: true } });
    if (!member) throw new AppError("NOT_FOUND");
    filters.push({
      access: {
        some: input.held === "direct" ? { membershipId: member.id } : { team: { members: { some: { membershipId: member.id } } } },
      },
    });
  }
  // `%`, `_` and `\` typed by the user match themselves, not any text.
  if (input.q) filters.push({ name: { contains: input.q.replace(/[\\%_]/g, (c) => `\\${c}`), mode: "insensitive" } });
  if (input.category) filters.push({ category: { code: input.category } });
  const where: Prisma.ProductWhereInput = { AND: filters };

  const cursor = decodeCursor(input.cursor);
  const after: Prisma.ProductWhereInput[] = cursor ? [{ OR: [{ name: { gt: cursor.name } }, { name: cursor.name, id: { gt: cursor.id } }] }] : [];
  const [rows, total] = await Promise.all([
    db.product.findMany({
      where: { AND: [...filters, ...after] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: PRODUCT_OPTIONS_LIMIT + 1,
      select: { id: true, name: true, category: { select: { code: true } } },
    }),
    db.product.count({ where, take: PRODUCT_OPTIONS_COUNT_CAP + 1 }),
  ]);
  const page = rows.slice(0, PRODUCT_OPTIONS_LIMIT);
  const last = page.at(-1);
  return {
    items: page.map((p) => ({ id: p.id, name: p.name, category: p.category.code })),
    nextCursor: rows.length > PRODUCT_OPTIONS_LIMIT && last ? encodeCursor(last) : null,
    total: Math.min(total, PRODUCT_OPTIONS_COUNT_CAP),
    capped: total > PRODUCT_OPTIONS_COUNT_CAP,
  };
}
