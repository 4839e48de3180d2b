import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireAccess, type OrgAccess } from "@/lib/access/require-access";
import type { Action } from "@/lib/access/permissions";
import { requireActor, type UserActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * For console pages under /[org]: the actor and their access to that Organization. Another tenant's id
 * (or an unknown one) renders the 404 page — existence is never revealed (ACC-6 deep links).
 */
export const consoleContext = cache(async (orgId: string, action: Action = "org.read"): Promise<{ actor: UserActor; access: OrgAccess }> => {
  const actor = await requireActor();
  try {
    const access = await requireAccess(getDb(), actor, orgId, action);
    return { actor, access };
  } catch (err) {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "FORBIDDEN")) notFound();
    throw err;
  }
});
