"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { getActor } from "@/lib/auth/get-actor";
import { argumentsAction } from "@/lib/http/action";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { readRememberedAccounts, REMEMBERED_COOKIE, writeRememberedAccounts } from "@/lib/auth/remembered-accounts";

/** ACC-5: after a sign-in, remembers the account on this browser (e-mail and name only, no secret). */
export const rememberCurrentAccount = argumentsAction(z.tuple([]), async (_input, { db }) => {
  const actor = await getActor();
  if (!actor) return;
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, firstName: true, lastName: true, locale: true } });
  const jar = await cookies();
  const list = readRememberedAccounts(jar.get(REMEMBERED_COOKIE)?.value).filter((a) => a.email !== user.email);
  list.unshift({ email: user.email, name: `${user.firstName} ${user.lastName}` });
  writeRememberedAccounts(jar, list);
  // Signed-out pages of this browser (sign-in, switch user) keep speaking the user's language.
  jar.set(LOCALE_COOKIE, user.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
});

/** ACC-5: forgets an account remembered on this browser (only the list in its cookie changes). */
export const forgetAccount = argumentsAction(z.tuple([z.string().max(320)]), async ([email]) => {
  const jar = await cookies();
  writeRememberedAccounts(jar, readRememberedAccounts(jar.get(REMEMBERED_COOKIE)?.value).filter((a) => a.email !== email));
});
