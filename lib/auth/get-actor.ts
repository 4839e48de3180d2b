import "server-only";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { UserActor } from "@/lib/access/actor";
import { getDb } from "@/lib/db";
import { clientAddress } from "@/lib/http/client-address";
import { SESSION_COOKIE } from "./options";
import { resolveSession, type ResolvedSession } from "./sessions";

export type { UserActor };

/**
 * Session cookies already opened by this process: decrypting one derives its key with HKDF first, a cost
 * every page would pay again for the same cookie. Only the session id is kept, and `resolveSession` still
 * checks that session in the database on every request, so a revoked or expired session ends at once.
 */
const openedCookies = new Map<string, string | null>();
const MAX_OPENED = 5_000;

async function sessionIdOf(raw: string, secret: string): Promise<string | null> {
  const known = openedCookies.get(raw);
  if (known !== undefined) return known;
  let sid: string | null = null;
  try {
    const value = (await decode({ token: raw, secret }))?.sid;
    sid = typeof value === "string" ? value : null;
  } catch {
    return null; // not remembered: a forged cookie must not fill the map
  }
  if (openedCookies.size >= MAX_OPENED) openedCookies.delete(openedCookies.keys().next().value!);
  openedCookies.set(raw, sid);
  return sid;
}

/** The signed-in session of this request (2FA possibly still pending), or null. Cached per request. */
export const getSession = cache(async (): Promise<ResolvedSession | null> => {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!raw || !process.env.NEXTAUTH_SECRET) return null;
  const sid = await sessionIdOf(raw, process.env.NEXTAUTH_SECRET);
  return sid ? resolveSession(getDb(), sid) : null;
});

/** Resolves who is acting in this request: a signed-in user who passed every sign-in step, or null. */
export const getActor = cache(async (): Promise<UserActor | null> => {
  const session = await getSession();
  if (!session || !session.twoFactorPassed) return null;
  const h = await headers();
  return {
    kind: "user",
    userId: session.userId,
    sessionId: session.id,
    staffRole: session.user.staffRole,
    secondFactor: session.secondFactor,
    ip: clientAddress(h),
    userAgent: h.get("user-agent"),
  };
});

/** For pages: the actor, or a redirect to sign-in (or to the second step when it is pending). */
export async function requireActor(): Promise<UserActor> {
  const actor = await getActor();
  if (actor) return actor;
  const session = await getSession();
  redirect(session && !session.twoFactorPassed ? "/sign-in/two-factor" : "/sign-in");
}
