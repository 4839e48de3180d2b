import { DAY } from "@/lib/clock";
import type { PaymentMethodType } from "@/lib/generated/prisma/enums";

/**
 * BIL-9: the days before expiry on which an automatic renewal is attempted with the saved method. The
 * first attempt is 14 days before; after a failure the next one comes on the next day of this list, and
 * each attempt slot charges at most once (its idempotency key names the product, the expiry and the day).
 */
export const RENEWAL_ATTEMPT_DAYS = [14, 10, 7, 3, 1] as const;
export const FIRST_ATTEMPT_DAYS = RENEWAL_ATTEMPT_DAYS[0];

/** BIL-9: auto-renewal cannot be turned on for a product expiring sooner than this: renew it first. */
export const MIN_DAYS_TO_ENABLE = FIRST_ATTEMPT_DAYS;

/** BIL-10: how early a reminder may come, at most (about two months). */
export const MAX_REMINDER_DAYS = 60;

/** BIL-8: the methods that can renew by themselves — the supported cards and a saved Twint profile. */
export const AUTO_RENEW_METHOD_TYPES: readonly PaymentMethodType[] = ["CB", "VISA", "MASTERCARD", "TWINT"];

/** The attempt slot a day falls in: the latest scheduled day already reached before expiry, or null. */
export function attemptSlot(expiresAt: Date, at: Date): number | null {
  const left = expiresAt.getTime() - at.getTime();
  if (left <= 0) return null;
  const reached = RENEWAL_ATTEMPT_DAYS.filter((d) => left <= d * DAY);
  return reached.length ? reached[reached.length - 1]! : null;
}

/** When the attempt after `slot` is due (null after the last one). */
export function nextAttemptAt(expiresAt: Date, slot: number): Date | null {
  const next = RENEWAL_ATTEMPT_DAYS.find((d) => d < slot);
  return next === undefined ? null : new Date(expiresAt.getTime() - next * DAY);
}

/** When the first attempt for this expiry is (or was) due. */
export function firstAttemptAt(expiresAt: Date): Date {
  return new Date(expiresAt.getTime() - FIRST_ATTEMPT_DAYS * DAY);
}

/** The idempotency key of one attempt slot: a job run twice in the same slot charges once. */
export function attemptKey(productId: string, expiresAt: Date, slot: number): string {
  return `renewal:${productId}:${expiresAt.toISOString()}:${slot}`;
}

/** The first moment a card no longer pays: the first day of the month after its expiry month. */
export function cardEnd(method: { expMonth: number | null; expYear: number | null }): Date | null {
  if (!method.expMonth || !method.expYear) return null;
  return new Date(Date.UTC(method.expYear, method.expMonth, 1));
}

/** Whether a saved card stops working before a date (a Twint profile never does). */
export function cardExpiresBefore(method: { expMonth: number | null; expYear: number | null }, when: Date): boolean {
  const end = cardEnd(method);
  return end !== null && end.getTime() <= when.getTime();
}

/** A product's expiry one period later (months added in UTC, the day clamped to the month's end). */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
