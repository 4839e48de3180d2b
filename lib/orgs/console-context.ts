import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireAccess, type OrgAccess } from "@/lib/access/require-access";
import { can, type Action } from "@/lib/access/permissions";
import { requireActor, type UserActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The actor's membership of `orgId`, looked up once per request whatever the pages and layouts ask. */
const memberContext = cache(async (orgId: string): Promise<{ actor: UserActor; access: OrgAccess }> => {
  const actor = await requireActor();
  try {
    return { actor, access: await requireAccess(getDb(), actor, orgId, "org.read") };
  } catch (err) {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "FORBIDDEN")) notFound();
    throw err;
  }
});

/**
 * For console pages under /[org]: the actor and their access to that Organization. Another tenant's id
 * (or an unknown one), or an action the role does not allow, renders the 404 page — existence is never
 * revealed (ACC-6 deep links). The services the page then calls check access again themselves.
 */
export const consoleContext = cache(async (orgId: string, action: Action = "org.read"): Promise<{ actor: UserActor; access: OrgAccess }> => {
  const context = await memberContext(orgId);
  if (!can(context.access.role, action)) notFound();
  return context;
});
