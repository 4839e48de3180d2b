import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { requireProductsToChange } from "@/lib/products/visible-products";
import { findTag, idField, orgIdField } from "./tag-fields";

export const detachTagSchema = z.object({ orgId: orgIdField, productId: idField, tagId: idField });
export type DetachTagInput = z.input<typeof detachTagSchema>;

/** TAG-2: removes a tag from a product the actor sees (PRD-3) and may change (SEC-5); the tag itself stays (TAG-3). */
export async function detachTag(db: Db, actor: Actor, raw: DetachTagInput): Promise<{ detached: boolean }> {
  const { orgId, productId, tagId } = detachTagSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, orgId, "tags.manage");
    await requireProductsToChange(tx, access, [productId]);
    const tag = await findTag(tx, orgId, tagId);
    const { count } = await tx.productTag.deleteMany({ where: { productId, tagId: tag.id } });
    await audit(tx, access.actor, { action: "tag.detached", orgId, targetId: tag.id, metadata: { productId, name: tag.name } });
    return { detached: count > 0 };
  });
}
