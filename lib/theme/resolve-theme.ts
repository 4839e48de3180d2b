import { cookies } from "next/headers";
import { getSession } from "@/lib/auth/get-actor";
import { isDatabaseUnavailable } from "@/lib/errors";
import { DEFAULT_THEME, isTheme, THEME_COOKIE, type AppTheme } from "./themes";

/**
 * The theme written on <html> by the server, so the first paint has the right colours: the user's saved
 * choice wins, then the picker's cookie (signed-out pages), then "system" (the stylesheet follows
 * prefers-color-scheme).
 */
export async function resolveTheme(): Promise<AppTheme> {
  const session = await getSession().catch((err: unknown) => {
    if (isDatabaseUnavailable(err)) return null;
    throw err;
  });
  if (session && isTheme(session.user.theme)) return session.user.theme;
  const fromCookie = (await cookies()).get(THEME_COOKIE)?.value;
  return isTheme(fromCookie) ? fromCookie : DEFAULT_THEME;
}
