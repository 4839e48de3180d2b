import { z } from "zod";
import type { Db } from "@/lib/db";
import type { UserActor } from "@/lib/auth/get-actor";
import { THEMES } from "@/lib/theme/themes";

export const updateThemeSchema = z.object({ theme: z.enum(THEMES, "validation.invalid") });

/** Saves the chosen colour theme on the user, so every browser they sign in from uses it. */
export async function updateTheme(db: Db, actor: UserActor, input: z.output<typeof updateThemeSchema>) {
  await db.user.update({ where: { id: actor.userId }, data: { theme: input.theme } });
}
