import "server-only";
import { notFound } from "next/navigation";
import { rolesWith } from "@/lib/access/permissions";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";

/**
 * For the reseller area's layout: its page's refusals — signed out: sign-in; no membership of a partner
 * Organization whose role sees its clients ("clients.read", as the API asks): 404 — made before the page's
 * loading skeleton streams with HTTP 200. One indexed read.
 */
export async function guardResellerArea(): Promise<void> {
  const actor = await requireActor();
  const seats = await getDb().membership.count({ where: { userId: actor.userId, role: { in: rolesWith("clients.read") }, organization: { partner: { isNot: null } } }, take: 1 });
  if (seats === 0) notFound();
}
