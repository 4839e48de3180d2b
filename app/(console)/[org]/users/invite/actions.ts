"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { inviteUser, inviteUserSchema } from "@/lib/invitations/invite-user";
import { invitationActionSchema, resendInvitation } from "@/lib/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";

export const inviteUserAction = action(inviteUserSchema, async (input, { db, actor }) => {
  const result = await inviteUser(db, actor, input);
  revalidatePath(`/${input.orgId}/users`);
  return result;
});

export const resendInvitationAction = action(invitationActionSchema, async (input, { db, actor }) => {
  const result = await resendInvitation(db, actor, input);
  revalidatePath(`/${input.orgId}/users`);
  return result;
});

export const revokeInvitationAction = action(invitationActionSchema, async (input, { db, actor }) => {
  const result = await revokeInvitation(db, actor, input);
  revalidatePath(`/${input.orgId}/users`);
  return result;
});
