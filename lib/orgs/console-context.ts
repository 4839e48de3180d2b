import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { allows, requireAccess, type OrgAccess } from "@/lib/access/require-access";
import type { Action } from "@/lib/access/permissions";
import { getSession, requireActor, type UserActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { ShellCache, shellKey } from "@/lib/shell/shell-cache";
import { listMyOrganizations } from "./list-my-organizations";

export type MyOrganization = Awaited<ReturnType<typeof listMyOrganizations>>[number];

/** Per person and shell version: read again as soon as a membership, role, name or partner status changes. */
const organizationsOf = new ShellCache<MyOrganization[]>();

/**
 * The signed-in person and every Organization they belong to, read once per change of them (the
 * session row carries the version, lib/shell/shell-cache.ts): the switcher lists them, and the actor
 * carries the memberships so that the services this page calls check access without reading them again.
 */
const myOrganizations = cache(async (): Promise<{ actor: UserActor; orgs: MyOrganization[] }> => {
  const actor = await requireActor();
  const version = (await getSession())!.user.shellVersion;
  const orgs = await organizationsOf.get(shellKey(actor.userId, version), () => listMyOrganizations(getDb(), actor));
  return { actor: { ...actor, memberships: new Map(orgs.map((o) => [o.id, { id: o.membershipId, role: o.role }])) }, orgs };
});

/** The actor's membership of `orgId`, looked up once per request whatever the pages and layouts ask. */
const memberContext = cache(async (orgId: string): Promise<{ actor: UserActor; access: OrgAccess; orgs: MyOrganization[] }> => {
  const { actor, orgs } = await myOrganizations();
  return { actor, access: await orNotFound(requireAccess(getDb(), actor, orgId, "org.read")), orgs };
});

/**
 * For console pages under /[org]: the actor and their access to that Organization, and the person's
 * Organizations for the switcher. Another tenant's id (or an unknown one), or an action the role does not
 * allow, renders the 404 page — existence is never revealed (ACC-6 deep links). The services the page then
 * calls check access again themselves, from the memberships read here.
 */
export const consoleContext = cache(async (orgId: string, action: Action = "org.read"): Promise<{ actor: UserActor; access: OrgAccess; orgs: MyOrganization[] }> => {
  const context = await memberContext(orgId);
  if (!allows(context.access, action)) notFound();
  return context;
});
