import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { findTagToChange, idField, orgIdField } from "./tag-fields";

export const deleteTagSchema = z.object({ orgId: orgIdField, tagId: idField });
export type DeleteTagInput = z.input<typeof deleteTagSchema>;

/**
 * TAG-3: deletes a tag; answers how many products lost it (the confirmation announces that number). The
 * actor must be able to change every product carrying it (SEC-4, SEC-5: see findTagToChange).
 */
export async function deleteTag(db: Db, actor: Actor, raw: DeleteTagInput): Promise<{ removedFrom: number }> {
  const { orgId, tagId } = deleteTagSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const access = await requireAccess(tx, actor, orgId, "tags.manage");
    const tag = await findTagToChange(tx, access, tagId);
    const { count: removedFrom } = await tx.productTag.deleteMany({ where: { tagId: tag.id } });
    await tx.tag.delete({ where: { id: tag.id } });
    await audit(tx, access.actor, { action: "tag.deleted", orgId, targetId: tag.id, metadata: { name: tag.name, removedFrom } });
    return { removedFrom };
  });
}
