"use server";

import { headers } from "next/headers";
import { requestPasswordReset, requestResetSchema } from "@/lib/accounts/password-reset";
import { clientIp } from "@/lib/auth/options";
import { publicAction } from "@/lib/http/action";

export const requestResetAction = publicAction(requestResetSchema, async (input, { db }) => {
  const h = await headers();
  await requestPasswordReset(db, input, { ip: clientIp(h.get("x-forwarded-for"), h.get("x-real-ip")) });
  return true;
});
