"use server";

import { cookies } from "next/headers";
import { updateLocale, updateLocaleSchema } from "@/lib/accounts/update-locale";
import { updateTheme, updateThemeSchema } from "@/lib/accounts/update-theme";
import { getActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { publicAction } from "@/lib/http/action";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { THEME_COOKIE } from "@/lib/theme/themes";

/** Changes the language: saved on the user when signed in, and in a cookie for signed-out pages. */
export async function setLanguage(locale: string): Promise<{ ok: boolean }> {
  const parsed = updateLocaleSchema.safeParse({ locale });
  if (!parsed.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  const actor = await getActor();
  if (actor) await updateLocale(getDb(), actor, parsed.data);
  return { ok: true };
}

/** Changes the colour theme (light, dark, system): saved on the user when signed in, and in a cookie for signed-out pages. */
export const setTheme = publicAction(updateThemeSchema, async (input, { db }) => {
  (await cookies()).set(THEME_COOKIE, input.theme, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  const actor = await getActor();
  if (actor) await updateTheme(db, actor, input);
  return input.theme;
});
