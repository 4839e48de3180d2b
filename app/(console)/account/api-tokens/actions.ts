"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, createApiTokenSchema } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken, revokeApiTokenSchema } from "@/lib/api-tokens/revoke-api-token";
import { action } from "@/lib/http/action";

// Thin entry points: the services authorize (own tokens; tokens.oversee for an Organization's) and validate.
export const createApiTokenAction = action(createApiTokenSchema, async (input, { db, actor }) => {
  const created = await createApiToken(db, actor, input);
  revalidatePath("/account/api-tokens");
  // The token is shown this once (TOK-1); it is never readable again.
  return { token: created.token, name: created.name };
});

export const revokeApiTokenAction = action(revokeApiTokenSchema, async (input, { db, actor }) => {
  await revokeApiToken(db, actor, input);
  revalidatePath(input.orgId ? `/${input.orgId}/api-tokens` : "/account/api-tokens");
});
