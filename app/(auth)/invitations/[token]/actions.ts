"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/http/client-address";
import { action, publicAction } from "@/lib/http/action";
import {
  acceptInvitation,
  acceptInvitationSchema,
  joinByInvitation,
  joinByInvitationSchema,
} from "@/lib/invitations/accept-invitation";

/** ACC-2: creates the invitee's account in the inviting Organization; the form then signs them in. */
export const acceptInvitationAction = publicAction(acceptInvitationSchema, async (input, { db }) => {
  const h = await headers();
  const result = await acceptInvitation(db, input, {
    ip: clientAddress(h),
    userAgent: h.get("user-agent"),
  });
  return { email: result.email, orgId: result.orgId };
});

/** ORG-2: a signed-in account with the invited e-mail joins and lands on that Organization. */
export const joinInvitationAction = action(joinByInvitationSchema, async (input, { db, actor }) => {
  const { orgId } = await joinByInvitation(db, actor, input);
  redirect(`/${orgId}/dashboard`);
});
