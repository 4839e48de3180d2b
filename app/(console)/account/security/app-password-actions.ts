"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAppPassword, createAppPasswordSchema } from "@/lib/app-passwords/create-app-password";
import { revokeAllAppPasswords } from "@/lib/app-passwords/revoke-all-app-passwords";
import { revokeAppPassword, revokeAppPasswordSchema } from "@/lib/app-passwords/revoke-app-password";
import { action } from "@/lib/http/action";

// Thin entry points (APP-1, APP-3): the services work on the signed-in user's own passwords only.
const PAGE = "/account/security";

export const createAppPasswordAction = action(createAppPasswordSchema, async (input, { db, actor }) => {
  const res = await createAppPassword(db, actor, input);
  revalidatePath(PAGE);
  return { name: res.name, password: res.password };
});

export const revokeAppPasswordAction = action(revokeAppPasswordSchema, async (input, { db, actor }) => {
  await revokeAppPassword(db, actor, input);
  revalidatePath(PAGE);
});

export const revokeAllAppPasswordsAction = action(z.object({}), async (_input, { db, actor }) => {
  const res = await revokeAllAppPasswords(db, actor);
  revalidatePath(PAGE);
  return res;
});
