"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { revokeGrant, revokeGrantSchema } from "@/lib/support/revoke-grant";
import { setSupportAccess, setSupportAccessSchema } from "@/lib/support/set-support-access";

const PAGE = "/account/support-access";

/** SUP-1, SUP-2: one toggle of the support-access page; the service checks the membership and role. */
export const setSupportAccessAction = action(setSupportAccessSchema, async (input, { db, actor }) => {
  const result = await setSupportAccess(db, actor, input);
  revalidatePath(PAGE);
  return { enabled: result.enabled, expiresAt: result.expiresAt?.toISOString() ?? null };
});

/** SUP-2: ends one of the person's grants (a shared e-mail) at once. */
export const revokeGrantAction = action(revokeGrantSchema, async (input, { db, actor }) => {
  const result = await revokeGrant(db, actor, input);
  revalidatePath(PAGE);
  return result;
});
