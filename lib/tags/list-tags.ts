import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { normalizeTagName, orgIdField } from "./tag-fields";

export const listTagsSchema = z.object({ orgId: orgIdField });
export type ListTagsInput = z.input<typeof listTagsSchema>;

export type TagSummary = { id: string; name: string; color: string; productCount: number };

/** TAG-3: every tag of the Organization, by name, with how many products carry it (one query). */
export async function listTags(db: Db, actor: Actor, raw: ListTagsInput): Promise<TagSummary[]> {
  const { orgId } = listTagsSchema.parse(raw);
  return db.$transaction(async (tx) => {
    await requireAccess(tx, actor, orgId, "tags.read");
    const tags = await tx.tag.findMany({
      where: { orgId },
      orderBy: [{ normalizedName: "asc" }, { id: "asc" }],
      select: { id: true, name: true, color: true, _count: { select: { products: true } } },
    });
    return tags.map(({ _count, ...tag }) => ({ ...tag, productCount: _count.products }));
  });
}

/** The tags to pick from in the products list's combobox and filter: names and colours only, no counts. */
export async function listTagOptions(db: Db, actor: Actor, raw: ListTagsInput): Promise<Omit<TagSummary, "productCount">[]> {
  const { orgId } = listTagsSchema.parse(raw);
  await requireAccess(db, actor, orgId, "tags.read");
  return db.tag.findMany({ where: { orgId }, orderBy: [{ normalizedName: "asc" }, { id: "asc" }], select: { id: true, name: true, color: true } });
}

export const TAGS_PER_PAGE = 100;

export const listTagsPageSchema = z.object({
  orgId: orgIdField,
  q: z.string().trim().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/**
 * TAG-3 for the management page: one page of tags (by name), optionally those whose name contains `q`
 * (any case), with the total so the page can offer the next ones. Two queries whatever the size.
 */
export async function listTagsPage(db: Db, actor: Actor, raw: z.input<typeof listTagsPageSchema>) {
  const { orgId, q, page = 1 } = listTagsPageSchema.parse(raw);
  return db.$transaction(async (tx) => {
    await requireAccess(tx, actor, orgId, "tags.read");
    const where = { orgId, ...(q ? { normalizedName: { contains: normalizeTagName(q) } } : {}) };
    const [total, rows] = await Promise.all([
      tx.tag.count({ where }),
      tx.tag.findMany({
        where,
        orderBy: [{ normalizedName: "asc" }, { id: "asc" }],
        skip: (page - 1) * TAGS_PER_PAGE,
        take: TAGS_PER_PAGE,
        select: { id: true, name: true, color: true, _count: { select: { products: true } } },
      }),
    ]);
    const items: TagSummary[] = rows.map(({ _count, ...tag }) => ({ ...tag, productCount: _count.products }));
    return { items, total, page, pageCount: Math.max(1, Math.ceil(total / TAGS_PER_PAGE)), q: q ?? "" };
  });
}
