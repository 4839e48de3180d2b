import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/access/actor";
import { requireStaff } from "@/lib/access/require-access";
import { now } from "@/lib/clock";
import { caseExpiresAt, OPEN_STATUSES } from "./rules";

const LIST_LIMIT = 200;

const select = {
  id: true,
  email: true,
  reason: true,
  status: true,
  createdAt: true,
  submittedAt: true,
  user: { select: { firstName: true, lastName: true } },
} as const;

/**
 * IDV-2 (back office): the cases waiting for someone. Submitted cases come first, oldest submission
 * first, then the ones still waiting for the user, oldest first. Staff only; anyone else gets NOT_FOUND.
 */
export async function listOpenVerifications(db: Db, actor: Actor) {
  requireStaff(actor, "verifications.read");
  const t = now();
  const [submitted, waiting] = await Promise.all([
    db.identityVerification.findMany({ where: { status: "SUBMITTED" }, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], take: LIST_LIMIT, select }),
    db.identityVerification.findMany({
      where: { status: { in: OPEN_STATUSES.filter((s) => s !== "SUBMITTED") } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: LIST_LIMIT,
      select,
    }),
  ]);
  return [...submitted, ...waiting].map((c) => ({
    ...c,
    name: c.user ? `${c.user.firstName} ${c.user.lastName}` : null,
    ageMs: t.getTime() - c.createdAt.getTime(),
    expiresAt: caseExpiresAt(c.createdAt),
  }));
}
