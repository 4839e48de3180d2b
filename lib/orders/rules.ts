import { DAY } from "@/lib/clock";

/** IDV-4: a blocked order with no identity check under way this long after it was blocked is cancelled and refunded. */
export const BLOCKED_ORDER_LIFETIME_MS = 10 * DAY;

export function blockedOrderCancelsAt(blockedAt: Date): Date {
  return new Date(blockedAt.getTime() + BLOCKED_ORDER_LIFETIME_MS);
}
