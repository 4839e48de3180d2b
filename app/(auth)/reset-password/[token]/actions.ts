"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { resetPassword, resetPasswordSchema } from "@/lib/accounts/password-reset";
import { clientAddress } from "@/lib/http/client-address";
import { publicAction } from "@/lib/http/action";

export const resetPasswordAction = publicAction(resetPasswordSchema, async (input, { db }) => {
  const h = await headers();
  await resetPassword(db, input, { ip: clientAddress(h) });
  redirect("/sign-in?reset=1");
});
