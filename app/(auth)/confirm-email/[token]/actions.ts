"use server";

import { headers } from "next/headers";
import { confirmEmailChange, confirmEmailChangeSchema } from "@/lib/accounts/confirm-email-change";
import { clientIp } from "@/lib/auth/options";
import { publicAction } from "@/lib/http/action";

export const confirmEmailChangeAction = publicAction(confirmEmailChangeSchema, async (input, { db }) => {
  const h = await headers();
  const res = await confirmEmailChange(db, input, { ip: clientIp(h.get("x-forwarded-for"), h.get("x-real-ip")), userAgent: h.get("user-agent") });
  return { email: res.email };
});
