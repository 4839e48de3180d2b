import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { allows, requireAccess, type OrgAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { changeableProductsWhere, seesEveryProduct, visibleProductsWhere } from "@/lib/products/visible-products";
import { normalizeTagName, orgIdField } from "./tag-fields";

export const listTagsSchema = z.object({ orgId: orgIdField, /** One tag only (the API's /tags/{id}). */ tagId: z.string().min(1).max(64).optional() });
export type ListTagsInput = z.input<typeof listTagsSchema>;

export type TagSummary = { id: string; name: string; color: string; productCount: number };

/**
 * SEC-4: how many products carrying a tag the reader sees (PRD-3) — never the products they may not see.
 * Whoever sees every product counts the links alone.
 */
function visibleCount(access: OrgAccess) {
  return { products: seesEveryProduct(access) ? true : { where: { product: visibleProductsWhere(access) } } } as const;
}

/**
 * TAG-3: every tag of the Organization, by name, with how many of the products the reader sees carry it
 * (SEC-4; one query). Tags are the Organization's (TAG-3 lists them all); counts follow visibility.
 */
export async function listTags(db: Db, actor: Actor, raw: ListTagsInput): Promise<TagSummary[]> {
  const { orgId, tagId } = listTagsSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, orgId, "tags.read");
    const tags = await tx.tag.findMany({
      where: { orgId, ...(tagId ? { id: tagId } : {}) },
      orderBy: [{ normalizedName: "asc" }, { id: "asc" }],
      select: { id: true, name: true, color: true, _count: { select: visibleCount(access) } },
    });
    return tags.map(({ _count, ...tag }) => ({ ...tag, productCount: _count.products }));
  });
}

export type TagOption = { id: string; name: string; color: string };

/** How many tags a picker receives at once; the rest are found by typing (an Organization may have a thousand). */
export const TAG_OPTIONS_LIMIT = 50;

export const listTagOptionsSchema = z.object({
  orgId: orgIdField,
  q: z.string().trim().max(40, "validation.tooLong").optional(),
  // Comes from the URL's filter: a malformed id selects nothing rather than failing the page.
  selectedId: z.string().trim().min(1).max(64).optional().catch(undefined),
});
export type ListTagOptionsInput = z.input<typeof listTagOptionsSchema>;

export type TagOptions = { tags: TagOption[]; complete: boolean; selected: TagOption | null };

/** `%`, `_` and `\` are LIKE wildcards: typed by a user, they mean themselves. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, "\\$&");

/**
 * TAG-2/TAG-4: the tags to pick from in the products pages' combobox, filter and bulk action — the first
 * TAG_OPTIONS_LIMIT by name, those whose name contains `q` (any case) when given — plus the tag
 * `selectedId` (the current filter), which may lie beyond them. `complete` says no other tag matches, so
 * the picker can filter locally instead of asking again. One statement (after access) whatever the data:
 * the page of names and the selected tag are read together.
 */
export async function listTagOptions(db: Db, actor: Actor, raw: ListTagOptionsInput): Promise<TagOptions> {
  const { orgId, q, selectedId } = listTagOptionsSchema.parse(raw);
  await requireAccess(db, actor, orgId, "tags.read");
  const named = q ? Prisma.sql`AND "normalizedName" LIKE ${`%${likeLiteral(normalizeTagName(q))}%`}` : Prisma.empty;
  const rows = await db.$queryRaw<(TagOption & { selected: boolean })[]>`
    (SELECT "id", "name", "color", false AS "selected" FROM "Tag"
      WHERE "orgId" = ${orgId} ${named}
      ORDER BY "normalizedName" ASC, "id" ASC LIMIT ${TAG_OPTIONS_LIMIT + 1})
    UNION ALL
    (SELECT "id", "name", "color", true FROM "Tag" WHERE "id" = ${selectedId ?? ""} AND "orgId" = ${orgId})`;
  const page = rows.filter((r) => !r.selected).map(({ selected: _, ...tag }) => tag);
  const selected = rows.find((r) => r.selected);
  return {
    tags: page.slice(0, TAG_OPTIONS_LIMIT),
    complete: page.length <= TAG_OPTIONS_LIMIT,
    selected: selected ? { id: selected.id, name: selected.name, color: selected.color } : null,
  };
}

export const TAGS_PER_PAGE = 100;

export const listTagsPageSchema = z.object({
  orgId: orgIdField,
  q: z.string().trim().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/** A row of the management page: `canChange` says whether the reader may rename, recolour or delete it. */
export type TagRow = TagSummary & { canChange: boolean };

/**
 * TAG-3 for the management page: one page of tags (by name), optionally those whose name contains `q`
 * (any case), with the total so the page can offer the next ones, each with its count of visible products
 * (SEC-4) and whether the reader may change it — only when they may change every product carrying it
 * (SEC-4, SEC-5; the services check again). Two queries whatever the size.
 */
export async function listTagsPage(db: Db, actor: Actor, raw: z.input<typeof listTagsPageSchema>) {
  const { orgId, q, page = 1 } = listTagsPageSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, orgId, "tags.read");
    const mayManage = allows(access, "tags.manage");
    // For a reader who does not see (or may not change) every product: one product per tag that bars the change.
    const barred = mayManage && !seesEveryProduct(access);
    const where = { orgId, ...(q ? { normalizedName: { contains: normalizeTagName(q) } } : {}) };
    const [total, rows] = await Promise.all([
      tx.tag.count({ where }),
      tx.tag.findMany({
        where,
        orderBy: [{ normalizedName: "asc" }, { id: "asc" }],
        skip: (page - 1) * TAGS_PER_PAGE,
        take: TAGS_PER_PAGE,
        select: {
          id: true,
          name: true,
          color: true,
          _count: { select: visibleCount(access) },
          products: barred ? { where: { product: { NOT: changeableProductsWhere(access) } }, take: 1, select: { productId: true } } : false,
        },
      }),
    ]);
    const items: TagRow[] = rows.map(({ _count, products, ...tag }) => ({
      ...tag,
      productCount: _count.products,
      canChange: mayManage && (products ?? []).length === 0,
    }));
    return { items, total, page, pageCount: Math.max(1, Math.ceil(total / TAGS_PER_PAGE)), q: q ?? "" };
  });
}
