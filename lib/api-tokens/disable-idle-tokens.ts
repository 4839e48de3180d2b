import { systemJob } from "@/lib/access/actor";
import { audit } from "@/lib/audit/record";
import { DAY, now } from "@/lib/clock";
import type { Db } from "@/lib/db";

export const IDLE_LIMIT_DAYS = 365;

/**
 * TOK-3 (scheduled job): tokens unused for a year — last use, or creation when never used — are disabled.
 * Idempotent; answers how many were disabled.
 */
export async function disableIdleTokens(db: Db): Promise<{ disabled: number }> {
  const at = now();
  const cutoff = new Date(at.getTime() - IDLE_LIMIT_DAYS * DAY);
  return db.$transaction(async (tx) => {
    const idle = await tx.apiToken.findMany({
      where: {
        revokedAt: null,
        disabledAt: null,
        OR: [{ lastUsedAt: { lte: cutoff } }, { lastUsedAt: null, createdAt: { lte: cutoff } }],
      },
      select: { id: true, userId: true, name: true },
    });
    if (!idle.length) return { disabled: 0 };
    await tx.apiToken.updateMany({ where: { id: { in: idle.map((t) => t.id) } }, data: { disabledAt: at } });
    for (const t of idle) {
      await audit(tx, systemJob("api-tokens-daily"), { action: "apiToken.disabledIdle", orgId: null, targetId: t.id, metadata: { name: t.name, userId: t.userId } });
    }
    return { disabled: idle.length };
  });
}
