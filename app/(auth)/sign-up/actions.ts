"use server";

import { headers } from "next/headers";
import { signUp, signUpSchema } from "@/lib/accounts/sign-up";
import { clientIp } from "@/lib/auth/options";
import { publicAction } from "@/lib/http/action";

export const signUpAction = publicAction(signUpSchema, async (input, { db }) => {
  const h = await headers();
  await signUp(db, input, { ip: clientIp(h.get("x-forwarded-for"), h.get("x-real-ip")), userAgent: h.get("user-agent") });
  return { email: input.email };
});
