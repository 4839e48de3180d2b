"use server";

import { action } from "@/lib/http/action";
import { deleteAccount, deleteAccountSchema } from "@/lib/privacy/delete-account";

/** The person deletes their own account (after the password and, with 2FA on, a code); every session ends with it. */
export const deleteAccountAction = action(deleteAccountSchema, async (input, { db, actor }) => {
  await deleteAccount(db, actor, input);
  return { deleted: true };
});
