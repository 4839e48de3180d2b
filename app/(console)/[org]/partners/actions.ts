"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { addPartner, addPartnerSchema } from "@/lib/partners/add-partner";
import { changePayer, changePayerSchema } from "@/lib/partners/change-payer";
import { partnershipActionSchema } from "@/lib/partners/client-partnership";
import { deletePartnerInvitation } from "@/lib/partners/delete-partner-invitation";
import { endPartnershipAsClient } from "@/lib/partners/end-partnership";
import { resendPartnerInvitation } from "@/lib/partners/resend-partner-invitation";

/** PRT-2, PRT-3: the legal representative invites the partner ticked, with the access chosen. */
export const addPartnerAction = action(addPartnerSchema, async (input, { db, actor }) => {
  const result = await addPartner(db, actor, input);
  revalidatePath(`/${input.orgId}/partners`);
  return result;
});

/** PRT-4: a new link for a pending invitation. */
export const resendPartnerInvitationAction = action(partnershipActionSchema, async (input, { db, actor }) => {
  const result = await resendPartnerInvitation(db, actor, input);
  revalidatePath(`/${input.orgId}/partners`);
  return result;
});

/** PRT-4: withdraw a pending invitation. */
export const deletePartnerInvitationAction = action(partnershipActionSchema, async (input, { db, actor }) => {
  const result = await deletePartnerInvitation(db, actor, input);
  revalidatePath(`/${input.orgId}/partners`);
  return result;
});

/** PRT-6: who pays, with full access. */
export const changePayerAction = action(changePayerSchema, async (input, { db, actor }) => {
  const result = await changePayer(db, actor, input);
  revalidatePath(`/${input.orgId}/partners/${input.partnershipId}`);
  return result;
});

/** PRT-7: the client ends the partnership. */
export const endPartnershipAction = action(partnershipActionSchema, async (input, { db, actor }) => {
  const result = await endPartnershipAsClient(db, actor, input);
  revalidatePath(`/${input.orgId}/partners`);
  return result;
});
