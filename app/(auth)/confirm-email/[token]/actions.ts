"use server";

import { headers } from "next/headers";
import { confirmEmailChange, confirmEmailChangeSchema } from "@/lib/accounts/confirm-email-change";
import { clientAddress } from "@/lib/http/client-address";
import { publicAction } from "@/lib/http/action";

export const confirmEmailChangeAction = publicAction(confirmEmailChangeSchema, async (input, { db }) => {
  const h = await headers();
  const res = await confirmEmailChange(db, input, { ip: clientAddress(h), userAgent: h.get("user-agent") });
  return { email: res.email };
});
