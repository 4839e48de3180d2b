"use server";

import { headers } from "next/headers";
import { signUp, signUpSchema } from "@/lib/accounts/sign-up";
import { clientAddress } from "@/lib/http/client-address";
import { publicAction } from "@/lib/http/action";

/** SEC-2: answers `{ email }` whether or not the address already had an account ("check your mailbox"). */
export const signUpAction = publicAction(signUpSchema, async (input, { db }) => {
  const h = await headers();
  return signUp(db, input, { ip: clientAddress(h), userAgent: h.get("user-agent") });
});
