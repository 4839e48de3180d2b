"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { changeRole, changeRoleSchema } from "@/lib/members/change-role";
import { leaveOrganization, leaveOrganizationSchema } from "@/lib/members/leave-organization";
import { removeMembers, removeMembersSchema } from "@/lib/members/remove-members";

export const changeRoleAction = action(changeRoleSchema, async (input, { db, actor }) => {
  const result = await changeRole(db, actor, input);
  revalidatePath(`/${input.orgId}/users`);
  return result;
});

export const removeMembersAction = action(removeMembersSchema, async (input, { db, actor }) => {
  const result = await removeMembers(db, actor, input);
  revalidatePath(`/${input.orgId}/users`);
  return result;
});

export const leaveOrganizationAction = action(leaveOrganizationSchema, async (input, { db, actor }) => {
  await leaveOrganization(db, actor, input);
  revalidatePath("/", "layout");
  // The home page sends the user to another of their Organizations, if any.
  redirect("/");
});
