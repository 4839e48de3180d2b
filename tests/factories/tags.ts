import type { ProductTag, Tag } from "@/lib/generated/prisma/client";
import { TAG_COLORS, type TagColor } from "../../lib/tags/palette";
import { unique, type DbOrTx } from "./unique";

export { TAG_COLORS, type TagColor };

export type TagInput = { orgId: string; name?: string; color?: TagColor };

export function createTags(db: DbOrTx, inputs: TagInput[]): Promise<Tag[]> {
  const data = inputs.map(({ orgId, name = unique("tag"), color = "blue" }) => ({
    orgId,
    name,
    // Uniqueness per Organization ignores case (TAG-3).
    normalizedName: name.toLowerCase(),
    color,
  }));
  return db.tag.createManyAndReturn({ data });
}

export async function createTag(db: DbOrTx, input: TagInput): Promise<Tag> {
  const [tag] = await createTags(db, [input]);
  return tag;
}

export async function tagProducts(db: DbOrTx, pairs: { productId: string; tagId: string }[]): Promise<void> {
  await db.productTag.createMany({ data: pairs, skipDuplicates: true });
}

export function tagProduct(db: DbOrTx, productId: string, tagId: string): Promise<ProductTag> {
  return db.productTag.create({ data: { productId, tagId } });
}
