"use server";

import { revalidatePath } from "next/cache";
import { changePassword, changePasswordSchema } from "@/lib/accounts/change-password";
import { requestEmailChange, requestEmailChangeSchema } from "@/lib/accounts/request-email-change";
import { secureAccount, secureAccountSchema } from "@/lib/accounts/secure-account";
import { action } from "@/lib/http/action";

// Thin entry points: the services check the session, the current password (rate-limited) and validate.
export const changePasswordAction = action(changePasswordSchema, async (input, { db, actor }) => {
  const res = await changePassword(db, actor, input);
  revalidatePath("/account/security");
  return res;
});

export const requestEmailChangeAction = action(requestEmailChangeSchema, async (input, { db, actor }) => {
  const res = await requestEmailChange(db, actor, input);
  revalidatePath("/account/security");
  return res;
});

// SEC-8: "compromised account?" — the service checks the current password (rate-limited) first.
export const secureAccountAction = action(secureAccountSchema, async (input, { db, actor }) => {
  const res = await secureAccount(db, actor, input);
  revalidatePath("/account/security");
  return res;
});
