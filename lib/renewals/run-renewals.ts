import { DAY, now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { attemptRenewal } from "./attempt-renewal";
import { FIRST_ATTEMPT_DAYS } from "./schedule";
import { sendRenewalNotices } from "./send-renewal-notices";

/**
 * The daily renewal job (BIL-9, BIL-10): reminders first (so the J-14 reminder precedes the debit it
 * announces), then an attempt for every product with auto-renewal whose expiry is within 14 days and
 * whose current attempt slot has not been tried yet. Safe to run twice or late: notices and attempts are
 * keyed, so a second run sends and charges nothing more.
 */
export async function runRenewals(db: Db): Promise<Record<string, number>> {
  const at = now();
  const notices = await sendRenewalNotices(db, at);
  const due = await db.product.findMany({
    where: { autoRenew: true, autoRenewMethodId: { not: null }, status: { not: "TERMINATED" }, expiresAt: { gt: at, lte: new Date(at.getTime() + FIRST_ATTEMPT_DAYS * DAY) } },
    select: { id: true },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
  });
  const counts = { ...notices, renewed: 0, failed: 0 };
  for (const { id } of due) {
    const outcome = await attemptRenewal(db, id, at);
    if (outcome === "SUCCEEDED") counts.renewed++;
    else if (outcome === "FAILED") counts.failed++;
  }
  return counts;
}
