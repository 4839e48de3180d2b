import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";

/**
 * SUP-2, daily job: marks the grants whose 7 days have passed as ended. Access already stopped at
 * `expiresAt` (every read checks it); this records the end so lists and reports need not compute it.
 */
export async function endExpiredGrants(db: Db): Promise<{ ended: number }> {
  const at = now();
  const { count } = await db.supportGrant.updateMany({ where: { endedAt: null, revokedAt: null, expiresAt: { lte: at } }, data: { endedAt: at } });
  return { ended: count };
}
