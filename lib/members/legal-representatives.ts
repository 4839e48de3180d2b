import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * ORG-3: an Organization never has zero legal representatives, even under concurrent requests.
 *
 * Design: every service that can take the legal-representative role away from someone (remove, demote,
 * leave) first takes `FOR NO KEY UPDATE` on the Organization's row, then reads and writes memberships.
 * - Correct: that lock serializes all such writers of one Organization. Under READ COMMITTED each later
 *   statement sees every change committed before the lock was granted, so the count of legal
 *   representatives read after it is exact and stays exact until this transaction commits.
 * - Deadlock-free: it is the first lock these transactions take and it is one row, so two of them
 *   never wait on each other in opposite orders; membership rows are only touched while holding it.
 * - Cheap for others: NO KEY UPDATE does not conflict with the KEY SHARE lock that inserting a
 *   Membership or any other row referencing the Organization takes, so invitations, products etc.
 *   are not blocked; only these writers queue up, and only within one Organization.
 * Locking the legal representatives' membership rows instead would miss a member promoted
 * concurrently and needs a careful lock order; one parent row is simpler to reason about.
 */
export async function lockOrganizationMembers(tx: Tx, orgId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${orgId} FOR NO KEY UPDATE`;
}

/**
 * Refuses (CONFLICT) when taking the legal-representative role away from `leavingMembershipIds` would
 * leave the Organization without one. Call only after lockOrganizationMembers in the same transaction.
 */
export async function assertAnotherLegalRepresentative(tx: Tx, orgId: string, leavingMembershipIds: string[]): Promise<void> {
  const remaining = await tx.membership.count({
    where: { orgId, role: "LEGAL_REPRESENTATIVE", id: { notIn: leavingMembershipIds } },
  });
  if (remaining === 0) throw new AppError("CONFLICT", "errors.lastLegalRepresentative");
}

/**
 * Interactive-transaction limits for these services: under a burst of requests on one Organization they
 * queue behind its lock and for a pooled connection, which must not count as a failure.
 */
export const MEMBER_TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;
