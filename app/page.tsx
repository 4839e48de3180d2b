import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";

/** Sends a signed-in user to the Organization they used last (ACC-6), others to sign-in (or its second step). */
export default async function Home() {
  const actor = await requireActor();
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { lastOrgId: true } });
  const membership =
    (user.lastOrgId && (await db.membership.findUnique({ where: { orgId_userId: { orgId: user.lastOrgId, userId: actor.userId } }, select: { orgId: true } }))) ||
    (await db.membership.findFirst({ where: { userId: actor.userId }, orderBy: { createdAt: "asc" }, select: { orgId: true } }));
  if (membership) redirect(`/${membership.orgId}/dashboard`);
  redirect(actor.staffRole ? "/backoffice" : "/no-organization");
}
