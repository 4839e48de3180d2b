"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action } from "@/lib/http/action";
import { addTeamMembers, addTeamMembersSchema } from "@/lib/teams/add-team-members";
import { createTeam, createTeamSchema } from "@/lib/teams/create-team";
import { deleteTeam, deleteTeamSchema } from "@/lib/teams/delete-team";
import { grantTeamProducts, grantTeamProductsSchema } from "@/lib/teams/grant-team-products";
import { removeTeamMember, removeTeamMemberSchema } from "@/lib/teams/remove-team-member";
import { renameTeam, renameTeamSchema } from "@/lib/teams/rename-team";
import { revokeTeamProduct, revokeTeamProductSchema } from "@/lib/teams/revoke-team-product";

// Thin entry points: the services authorize ("teams.manage") and validate; these refresh the pages.
function refresh(orgId: string, teamId?: string) {
  revalidatePath(`/${orgId}/teams`);
  if (teamId) revalidatePath(`/${orgId}/teams/${teamId}`);
  // Team names and counts also show on the users page.
  revalidatePath(`/${orgId}/users`);
}

export const createTeamAction = action(createTeamSchema, async (input, { db, actor }) => {
  const team = await createTeam(db, actor, input);
  refresh(input.orgId);
  redirect(`/${input.orgId}/teams/${team.id}`);
});

export const renameTeamAction = action(renameTeamSchema, async (input, { db, actor }) => {
  const team = await renameTeam(db, actor, input);
  refresh(input.orgId, input.teamId);
  return team;
});

export const deleteTeamAction = action(deleteTeamSchema, async (input, { db, actor }) => {
  await deleteTeam(db, actor, input);
  refresh(input.orgId);
  redirect(`/${input.orgId}/teams`);
});

export const addTeamMembersAction = action(addTeamMembersSchema, async (input, { db, actor }) => {
  const result = await addTeamMembers(db, actor, input);
  refresh(input.orgId, input.teamId);
  return result;
});

export const removeTeamMemberAction = action(removeTeamMemberSchema, async (input, { db, actor }) => {
  const result = await removeTeamMember(db, actor, input);
  refresh(input.orgId, input.teamId);
  return result;
});

export const grantTeamProductsAction = action(grantTeamProductsSchema, async (input, { db, actor }) => {
  const result = await grantTeamProducts(db, actor, input);
  refresh(input.orgId, input.teamId);
  return result;
});

export const revokeTeamProductAction = action(revokeTeamProductSchema, async (input, { db, actor }) => {
  const result = await revokeTeamProduct(db, actor, input);
  refresh(input.orgId, input.teamId);
  return result;
});
