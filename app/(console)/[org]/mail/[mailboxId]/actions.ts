"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { shareMail, shareMailSchema } from "@/lib/support/share-mail";

/** SUP-3: shares the open e-mail with support on its own; the service checks the member may read it. */
export const shareMailAction = action(shareMailSchema, async (input, { db, actor }) => {
  const result = await shareMail(db, actor, input);
  revalidatePath("/account/support-access");
  return { expiresAt: result.expiresAt.toISOString() };
});
