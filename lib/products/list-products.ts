import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { allows, requireAccess, type OrgAccess } from "@/lib/access/require-access";
import { DAY, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ProductStatus } from "@/lib/generated/prisma/enums";
import { changeableProductIds, visibleProductsWhere } from "./visible-products";

export const PRODUCT_SORTS = ["name", "expiry", "status"] as const;
export const PRODUCT_STATUSES = Object.values(ProductStatus) as ProductStatus[];
export type ProductSort = (typeof PRODUCT_SORTS)[number];

// List parameters come from the URL: a missing, empty or malformed one falls back to its default.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional()).catch(undefined);

export const listProductsSchema = z.object({
  orgId: z.string().min(1, "validation.required"),
  q: optional(z.string().trim().max(100)),
  category: optional(z.string().max(40)),
  tagId: optional(z.string().max(64)),
  status: optional(z.enum(ProductStatus)),
  expiresWithin: optional(z.coerce.number().int().min(0).max(3650)),
  sort: optional(z.enum(PRODUCT_SORTS)).transform((v) => v ?? "name"),
  dir: optional(z.enum(["asc", "desc"])).transform((v) => v ?? "asc"),
  /** Keyset cursors: the page after `after`, or the page before `before` (never OFFSET). */
  after: optional(z.string().max(400)),
  before: optional(z.string().max(400)),
  perPage: z.coerce.number().int().min(1).max(100).catch(25).default(25),
});
export type ListProductsInput = z.input<typeof listProductsSchema>;

type Cursor = { v: string; id: string };

function encodeCursor(sort: ProductSort, row: { id: string; name: string; expiresAt: Date; status: ProductStatus }): string {
  const v = sort === "name" ? row.name : sort === "expiry" ? row.expiresAt.toISOString() : row.status;
  return Buffer.from(JSON.stringify([v, row.id])).toString("base64url");
}

function decodeCursor(sort: ProductSort, raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const [v, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof v !== "string" || typeof id !== "string") return null;
    if (sort === "expiry" && Number.isNaN(Date.parse(v))) return null;
    if (sort === "status" && !PRODUCT_STATUSES.includes(v as ProductStatus)) return null;
    return { v, id };
  } catch {
    return null;
  }
}

/** The columns a list is sorted by: the product's own, or their copies on a tag link (TAG-4). */
type SortColumns = { name: string; expiry: string; status: string; id: string };
const PRODUCT_COLUMNS: SortColumns = { name: "name", expiry: "expiresAt", status: "status", id: "id" };
const TAG_LINK_COLUMNS: SortColumns = { name: "productName", expiry: "productExpiresAt", status: "productStatus", id: "productId" };

/** Rows strictly after the cursor in (sortKey, id) order; enums cannot use gt/lt, so list the later values. */
function keysetWhere(sort: ProductSort, dir: "asc" | "desc", c: Cursor, columns: SortColumns): Record<string, unknown> {
  const idAfter = { [columns.id]: dir === "asc" ? { gt: c.id } : { lt: c.id } };
  const field = columns[sort];
  if (sort === "status") {
    const i = PRODUCT_STATUSES.indexOf(c.v as ProductStatus);
    const later = dir === "asc" ? PRODUCT_STATUSES.slice(i + 1) : PRODUCT_STATUSES.slice(0, i);
    return { OR: [{ [field]: { in: later } }, { [field]: c.v, ...idAfter }] };
  }
  const value = sort === "expiry" ? new Date(c.v) : c.v;
  return { OR: [{ [field]: dir === "asc" ? { gt: value } : { lt: value } }, { [field]: value, ...idAfter }] };
}

const LIST_SELECT = {
  id: true,
  name: true,
  expiresAt: true,
  renewalPeriodMonths: true,
  autoRenew: true,
  status: true,
  category: { select: { code: true } },
  tags: { select: { tag: { select: { id: true, name: true, color: true } } }, orderBy: { tag: { normalizedName: "asc" } } },
} satisfies Prisma.ProductSelect;

export type ProductListItem = {
  id: string;
  name: string;
  category: string;
  expiresAt: Date;
  renewalPeriodMonths: number;
  autoRenew: boolean;
  status: ProductStatus;
  tags: { id: string; name: string; color: string }[];
};

export type ProductFilters = { q?: string; category?: string; tagId?: string; status?: ProductStatus; expiresWithin?: number };

/** The visibility rule (PRD-3) and the list's filters, shared by the list and its count (API `return=total`). */
export function productFilters(access: OrgAccess, input: ProductFilters): Prisma.ProductWhereInput[] {
  const filters: Prisma.ProductWhereInput[] = [visibleProductsWhere(access)];
  // `%`, `_` and `\` typed by the user match themselves, not any text.
  if (input.q) filters.push({ name: { contains: input.q.replace(/[\\%_]/g, (c) => `\\${c}`), mode: "insensitive" } });
  if (input.category) filters.push({ category: { code: input.category } });
  if (input.tagId) filters.push({ tags: { some: { tagId: input.tagId } } });
  if (input.status) filters.push({ status: input.status });
  if (input.expiresWithin !== undefined) {
    filters.push({ expiresAt: { gte: now(), lte: new Date(now().getTime() + input.expiresWithin * DAY) } });
  }
  return filters;
}

/**
 * PRD-1/PRD-3/TAG-4: the products the actor may see, searched by name, filtered by category, tag, status
 * and "expires within N days", sorted and paginated by keyset on (sort key, id) so page 4,000 costs what
 * page 1 costs. Two statements whatever the size: access, then the page with its categories and tags
 * (one statement through Prisma's relation joins); a third for a member limited by grants, which says
 * which of the page's products they may only read (`readOnlyIds`: a READ grant, SEC-5).
 */
export async function listProducts(db: Db, actor: Actor, raw: ListProductsInput) {
  const input = listProductsSchema.parse(raw);
  const access = await requireAccess(db, actor, input.orgId, "products.read");
  const afterCursor = decodeCursor(input.sort, input.after);
  const beforeCursor = afterCursor ? null : decodeCursor(input.sort, input.before);
  const backwards = !!beforeCursor;
  const cursor = afterCursor ?? beforeCursor;
  // Walking back reads the previous rows in reverse order, then flips them.
  const dir = backwards ? (input.dir === "asc" ? "desc" : "asc") : input.dir;
  const take = input.perPage + 1;

  let rows: Prisma.ProductGetPayload<{ select: typeof LIST_SELECT }>[];
  if (input.tagId) {
    // Filtered by a tag: the page is read in order from the tag's links, which carry the products' sort
    // keys, so the database reads about one page of index entries whether 1 % or 90 % of 100,000
    // products carry the tag (walking every product by name and probing its tags took ≈ 100 ms).
    const filters: Record<string, unknown>[] = [{ tagId: input.tagId, product: { AND: productFilters(access, { ...input, tagId: undefined }) } }];
    if (cursor) filters.push(keysetWhere(input.sort, dir, cursor, TAG_LINK_COLUMNS));
    const links = await db.productTag.findMany({
      where: { AND: filters } as Prisma.ProductTagWhereInput,
      orderBy: [{ [TAG_LINK_COLUMNS[input.sort]]: dir }, { productId: dir }],
      take,
      select: { product: { select: LIST_SELECT } },
    });
    rows = links.map((l) => l.product);
  } else {
    const filters = productFilters(access, input);
    if (cursor) filters.push(keysetWhere(input.sort, dir, cursor, PRODUCT_COLUMNS) as Prisma.ProductWhereInput);
    rows = await db.product.findMany({
      where: { AND: filters },
      orderBy: [{ [PRODUCT_COLUMNS[input.sort]]: dir }, { id: dir }],
      take,
      select: LIST_SELECT,
    });
  }
  const more = rows.length > input.perPage;
  const page = rows.slice(0, input.perPage);
  if (backwards) page.reverse();
  const items: ProductListItem[] = page.map(({ category, tags, ...p }) => ({ ...p, category: category.code, tags: tags.map((t) => t.tag) }));
  const changeable = await changeableProductIds(db, access, items.map((i) => i.id));
  const firstRow = page[0];
  const lastRow = page.at(-1);
  const hasPrevious = backwards ? more : !!cursor;
  const hasNext = backwards ? !!cursor : more;
  return {
    items,
    params: input,
    canTag: allows(access, "tags.manage"),
    /** Products of the page the actor sees but may not change (held through READ grants only). */
    readOnlyIds: items.filter((i) => !changeable.has(i.id)).map((i) => i.id),
    previousCursor: hasPrevious && firstRow ? encodeCursor(input.sort, firstRow) : null,
    nextCursor: hasNext && lastRow ? encodeCursor(input.sort, lastRow) : null,
  };
}

/** Categories are reference data written by migrations: the list is read again at most every 5 minutes. */
const CATEGORIES_TTL_MS = 5 * 60_000;
let categoriesCache: { at: number; codes: Promise<string[]> } | null = null;

/** The category codes, in display order, for the list's filter (labels come from `categories.*`). */
export function listProductCategories(db: Db): Promise<string[]> {
  const at = Date.now();
  if (!categoriesCache || at - categoriesCache.at > CATEGORIES_TTL_MS) {
    const codes = db.productCategory
      .findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true } })
      .then((rows) => rows.map((r) => r.code));
    // A failed read is not kept: the next page asks again.
    codes.catch(() => (categoriesCache = null));
    categoriesCache = { at, codes };
  }
  return categoriesCache.codes;
}
