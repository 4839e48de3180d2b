"use server";

import { cookies } from "next/headers";
import { getActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { readRememberedAccounts, REMEMBERED_COOKIE, writeRememberedAccounts } from "@/lib/auth/remembered-accounts";

/** ACC-5: after a sign-in, remembers the account on this browser (e-mail and name only, no secret). */
export async function rememberCurrentAccount(): Promise<void> {
  const actor = await getActor();
  if (!actor) return;
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, firstName: true, lastName: true, locale: true } });
  const jar = await cookies();
  const list = readRememberedAccounts(jar.get(REMEMBERED_COOKIE)?.value).filter((a) => a.email !== user.email);
  list.unshift({ email: user.email, name: `${user.firstName} ${user.lastName}` });
  writeRememberedAccounts(jar, list);
  // Signed-out pages of this browser (sign-in, switch user) keep speaking the user's language.
  jar.set(LOCALE_COOKIE, user.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
}

export async function forgetAccount(email: string): Promise<void> {
  const jar = await cookies();
  writeRememberedAccounts(jar, readRememberedAccounts(jar.get(REMEMBERED_COOKIE)?.value).filter((a) => a.email !== email));
}
