import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import type { Db } from "@/lib/db";
import { orgIdField } from "./tag-fields";

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
