import "server-only";
import { notFound } from "next/navigation";
import { staffCan, type StaffAction } from "@/lib/access/permissions";
import { requireActor } from "@/lib/auth/get-actor";

/**
 * For a back-office list's layout: the refusals its page makes — signed out: sign-in; not staff: 404; a
 * staff role without the list's action: 404 once the session passed 2FA (before that the page asks for
 * it) — made before the page's loading skeleton streams with HTTP 200, so a refusal keeps its status.
 */
export async function guardStaffList(action: StaffAction): Promise<void> {
  const actor = await requireActor();
  if (!actor.staffRole) notFound();
  if (actor.secondFactor && !staffCan(actor.staffRole, action)) notFound();
}
