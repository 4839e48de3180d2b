"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { attachTag, attachTagSchema } from "@/lib/tags/attach-tag";
import { detachTag, detachTagSchema } from "@/lib/tags/detach-tag";

export const attachTagAction = action(attachTagSchema, async (input, { db, actor }) => {
  const { tag, created, attached } = await attachTag(db, actor, input);
  revalidatePath(`/${input.orgId}/products`, "layout");
  revalidatePath(`/${input.orgId}/tags`);
  return { tag: { id: tag.id, name: tag.name, color: tag.color }, created, attached };
});

export const detachTagAction = action(detachTagSchema, async (input, { db, actor }) => {
  const result = await detachTag(db, actor, input);
  revalidatePath(`/${input.orgId}/products`, "layout");
  revalidatePath(`/${input.orgId}/tags`);
  return result;
});
