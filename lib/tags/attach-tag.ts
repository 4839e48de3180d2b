import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { requireProductsToChange } from "@/lib/products/visible-products";
import { findTag, idField, normalizeTagName, orgIdField, tagColorField, tagNameConflict, tagNameField } from "./tag-fields";

const productIds = z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(idField).min(1, "validation.required").max(100));

/**
 * Either an existing tag (`tagId`) or a name: an existing tag of that name (any case) is reused, else a
 * new one is created with `color` — "Create «name»" in the combobox is one call (TAG-2).
 */
export const attachTagSchema = z.union([
  z.object({ orgId: orgIdField, productIds, tagId: idField }),
  z.object({ orgId: orgIdField, productIds, name: tagNameField, color: tagColorField.default("blue") }),
]);
export type AttachTagInput = z.input<typeof attachTagSchema>;

/** TAG-2: attaches a tag to one or several products the actor sees (PRD-3) and may change (a READ grant may not, SEC-5). */
export async function attachTag(db: Db, actor: Actor, raw: AttachTagInput) {
  const input = attachTagSchema.parse(raw);
  const { orgId } = input;
  try {
    return await db.$transaction(async (tx) => {
      const access = await requireAccess(tx, actor, orgId, "tags.manage");
      await requireProductsToChange(tx, access, input.productIds);
      let created = false;
      let tag;
      if ("tagId" in input) {
        tag = await findTag(tx, orgId, input.tagId);
      } else {
        const normalizedName = normalizeTagName(input.name);
        tag = await tx.tag.findUnique({ where: { orgId_normalizedName: { orgId, normalizedName } } });
        if (!tag) {
          tag = await tx.tag.create({ data: { orgId, name: input.name, normalizedName, color: input.color } });
          created = true;
          await audit(tx, access.actor, { action: "tag.created", orgId, targetId: tag.id, metadata: { name: tag.name, color: tag.color } });
        }
      }
      const { count } = await tx.productTag.createMany({
        data: input.productIds.map((productId) => ({ productId, tagId: tag.id })),
        skipDuplicates: true,
      });
      await audit(tx, access.actor, { action: "tag.attached", orgId, targetId: tag.id, metadata: { productIds: input.productIds, attached: count } });
      return { tag, created, attached: count };
    });
  } catch (err) {
    throw tagNameConflict(err);
  }
}
