"use server";

import { cookies } from "next/headers";
import { updateLocale, updateLocaleSchema } from "@/lib/accounts/update-locale";
import { getActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

/** Changes the language: saved on the user when signed in, and in a cookie for signed-out pages. */
export async function setLanguage(locale: string): Promise<{ ok: boolean }> {
  const parsed = updateLocaleSchema.safeParse({ locale });
  if (!parsed.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  const actor = await getActor();
  if (actor) await updateLocale(getDb(), actor, parsed.data);
  return { ok: true };
}
