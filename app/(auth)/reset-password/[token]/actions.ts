"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { resetPassword, resetPasswordSchema } from "@/lib/accounts/password-reset";
import { clientIp } from "@/lib/auth/options";
import { publicAction } from "@/lib/http/action";

export const resetPasswordAction = publicAction(resetPasswordSchema, async (input, { db }) => {
  const h = await headers();
  await resetPassword(db, input, { ip: clientIp(h.get("x-forwarded-for"), h.get("x-real-ip")) });
  redirect("/sign-in?reset=1");
});
