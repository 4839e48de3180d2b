"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { updateMemberPermissions, updateMemberPermissionsSchema } from "@/lib/members/update-member-permissions";

export const updateMemberPermissionsAction = action(updateMemberPermissionsSchema, async (input, { db, actor }) => {
  const result = await updateMemberPermissions(db, actor, input);
  revalidatePath(`/${input.orgId}/users`, "layout");
  return result;
});
