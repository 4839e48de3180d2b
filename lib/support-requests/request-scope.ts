import { allows, type OrgAccess } from "@/lib/access/require-access";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The support requests a member follows: every request of the Organization for a role holding
 * "support.readAll" (legal representatives, administrators), otherwise only their own.
 */
export function requestsWhere(access: OrgAccess): Prisma.SupportRequestWhereInput {
  return allows(access, "support.readAll") ? { orgId: access.orgId } : { orgId: access.orgId, requesterId: access.userId };
}
