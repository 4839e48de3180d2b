"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { createTag, createTagSchema } from "@/lib/tags/create-tag";
import { deleteTag, deleteTagSchema } from "@/lib/tags/delete-tag";
import { updateTag, updateTagSchema } from "@/lib/tags/update-tag";

function refresh(orgId: string) {
  revalidatePath(`/${orgId}/tags`);
  revalidatePath(`/${orgId}/products`, "layout");
}

export const createTagAction = action(createTagSchema, async (input, { db, actor }) => {
  const tag = await createTag(db, actor, input);
  refresh(input.orgId);
  return { id: tag.id, name: tag.name };
});

export const updateTagAction = action(updateTagSchema, async (input, { db, actor }) => {
  const tag = await updateTag(db, actor, input);
  refresh(input.orgId);
  return { id: tag.id, name: tag.name };
});

export const deleteTagAction = action(deleteTagSchema, async (input, { db, actor }) => {
  const result = await deleteTag(db, actor, input);
  refresh(input.orgId);
  return result;
});
