import { z } from "zod";
import type { Actor } from "@/lib/access/actor";
import { requireAccess } from "@/lib/access/require-access";
import { audit } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { normalizeTagName, orgIdField, tagColorField, tagNameConflict, tagNameField } from "./tag-fields";

export const createTagSchema = z.object({ orgId: orgIdField, name: tagNameField, color: tagColorField });
export type CreateTagInput = z.input<typeof createTagSchema>;

/** TAG-3: a new tag, attached to no product yet; its name is unique in the Organization whatever the case. */
export async function createTag(db: Db, actor: Actor, raw: CreateTagInput) {
  const { orgId, name, color } = createTagSchema.parse(raw);
  try {
    return await db.$transaction(async (tx) => {
      const access = await requireAccess(tx, actor, orgId, "tags.manage");
      const tag = await tx.tag.create({ data: { orgId, name, normalizedName: normalizeTagName(name), color } });
      await audit(tx, access.actor, { action: "tag.created", orgId, targetId: tag.id, metadata: { name, color } });
      return tag;
    });
  } catch (err) {
    throw tagNameConflict(err);
  }
}
