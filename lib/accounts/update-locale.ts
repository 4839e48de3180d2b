import { z } from "zod";
import type { Db } from "@/lib/db";
import type { UserActor } from "@/lib/auth/get-actor";
import { localeField } from "./schemas";

export const updateLocaleSchema = z.object({ locale: localeField });

/** Saves the chosen language on the user (every screen and e-mail then uses it). */
export async function updateLocale(db: Db, actor: UserActor, input: z.output<typeof updateLocaleSchema>) {
  await db.user.update({ where: { id: actor.userId }, data: { locale: input.locale } });
}
