import { cookies, headers } from "next/headers";
import { getSession } from "@/lib/auth/get-actor";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type AppLocale } from "./locales";

/** The user's saved language wins; then the picker's cookie (signed-out pages); then the browser's. */
export async function resolveLocale(): Promise<AppLocale> {
  const session = await getSession();
  if (session && isLocale(session.user.locale)) return session.user.locale;
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale((await headers()).get("accept-language"));
}
