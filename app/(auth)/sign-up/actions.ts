"use server";

import { headers } from "next/headers";
import { signUp, signUpSchema } from "@/lib/accounts/sign-up";
import { clientAddress } from "@/lib/http/client-address";
import { publicAction } from "@/lib/http/action";

export const signUpAction = publicAction(signUpSchema, async (input, { db }) => {
  const h = await headers();
  await signUp(db, input, { ip: clientAddress(h), userAgent: h.get("user-agent") });
  return { email: input.email };
});
