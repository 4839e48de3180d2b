"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { action, publicAction } from "@/lib/http/action";
import { clientAddress } from "@/lib/http/client-address";
import { acceptPartnerInvitation, answerPartnerInvitationSchema, refusePartnerInvitation } from "@/lib/partners/answer-partner-invitation";

/** PRT-4: a signed-in member of the partner accepts; the reseller area then lists the client. */
export const acceptPartnerInvitationAction = action(answerPartnerInvitationSchema, async (input, { db, actor }) => {
  await acceptPartnerInvitation(db, actor, input);
  redirect("/reseller");
});

/** PRT-4: the link holder refuses (no sign-in needed: refusing grants nothing). */
export const refusePartnerInvitationAction = publicAction(answerPartnerInvitationSchema, async (input, { db }) => {
  const h = await headers();
  await refusePartnerInvitation(db, { kind: "anonymous", ip: clientAddress(h), userAgent: h.get("user-agent") }, input);
  return { refused: true };
});
