"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { updateLocale, updateLocaleSchema } from "@/lib/accounts/update-locale";
import { updateTheme, updateThemeSchema } from "@/lib/accounts/update-theme";
import { getActor } from "@/lib/auth/get-actor";
import { argumentsAction, publicAction } from "@/lib/http/action";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { THEME_COOKIE } from "@/lib/theme/themes";

/** Changes the language: saved on the user when signed in, and in a cookie for signed-out pages. An unknown language is invalid input and changes nothing. */
export const setLanguage = argumentsAction(z.tuple([updateLocaleSchema.shape.locale]), async ([locale], { db }) => {
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  const actor = await getActor();
  if (actor) await updateLocale(db, actor, { locale });
  return locale;
});

/** Changes the colour theme (light, dark, system): saved on the user when signed in, and in a cookie for signed-out pages. */
export const setTheme = publicAction(updateThemeSchema, async (input, { db }) => {
  (await cookies()).set(THEME_COOKIE, input.theme, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  const actor = await getActor();
  if (actor) await updateTheme(db, actor, input);
  return input.theme;
});
