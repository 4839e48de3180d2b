"use server";

import { headers } from "next/headers";
import { signUp, signUpSchema } from "@/lib/accounts/sign-up";
import { clientIp } from "@/lib/auth/options";
import { publicAction } from "@/lib/http/action";

/** SEC-2: answers `{ email }` whether or not the address already had an account ("check your mailbox"). */
export const signUpAction = publicAction(signUpSchema, async (input, { db }) => {
  const h = await headers();
  return signUp(db, input, { ip: clientIp(h.get("x-forwarded-for"), h.get("x-real-ip")), userAgent: h.get("user-agent") });
});
