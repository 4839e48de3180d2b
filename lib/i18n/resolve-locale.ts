import { cookies, headers } from "next/headers";
import { getSession } from "@/lib/auth/get-actor";
import { isDatabaseUnavailable } from "@/lib/errors";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type AppLocale } from "./locales";

/** The user's saved language wins; then the picker's cookie (signed-out pages); then the browser's. */
export async function resolveLocale(): Promise<AppLocale> {
  // During a database outage the error page still speaks the reader's language (cookie, browser).
  const session = await getSession().catch((err: unknown) => {
    if (isDatabaseUnavailable(err)) return null;
    throw err;
  });
  if (session && isLocale(session.user.locale)) return session.user.locale;
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale((await headers()).get("accept-language"));
}
