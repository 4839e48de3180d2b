import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { findTagToChange, idField, normalizeTagName, orgIdField, tagColorField, tagNameConflict, tagNameField } from "./tag-fields";

export const updateTagSchema = z.object({ orgId: orgIdField, tagId: idField, name: tagNameField, color: tagColorField });
export type UpdateTagInput = z.input<typeof updateTagSchema>;

/**
 * TAG-3: renames and/or recolours a tag; every product carrying it shows the change, so the actor must be
 * able to change every one of them (SEC-4, SEC-5: see findTagToChange).
 */
export async function updateTag(db: Db, actor: Actor, raw: UpdateTagInput) {
  const { orgId, tagId, name, color } = updateTagSchema.parse(raw);
  try {
    return await db.$transaction(async (tx) => {
      const access = await requireAccess(tx, actor, orgId, "tags.manage");
      const before = await findTagToChange(tx, access, tagId);
      const tag = await tx.tag.update({ where: { id: before.id }, data: { name, normalizedName: normalizeTagName(name), color } });
      await audit(tx, access.actor, {
        action: "tag.updated",
        orgId,
        targetId: tag.id,
        metadata: { from: { name: before.name, color: before.color }, to: { name, color } },
      });
      return tag;
    });
  } catch (err) {
    throw tagNameConflict(err);
  }
}
