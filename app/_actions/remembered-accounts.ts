"use server";

import { cookies } from "next/headers";
import { getActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { readRememberedAccounts, REMEMBERED_COOKIE, writeRememberedAccounts } from "@/lib/auth/remembered-accounts";

/** ACC-5: after a sign-in, remembers the account on this browser (e-mail and name only, no secret). */
export async function rememberCurrentAccount(): Promise<void> {
  const actor = await getActor();
  if (!actor) return;
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, firstName: true, lastName: true } });
  const jar = await cookies();
  const list = readRememberedAccounts(jar.get(REMEMBERED_COOKIE)?.value).filter((a) => a.email !== user.email);
  list.unshift({ email: user.email, name: `${user.firstName} ${user.lastName}` });
  writeRememberedAccounts(jar, list);
}

export async function forgetAccount(email: string): Promise<void> {
  const jar = await cookies();
  writeRememberedAccounts(jar, readRememberedAccounts(jar.get(REMEMBERED_COOKIE)?.value).filter((a) => a.email !== email));
}
