import { HOUR, MINUTE } from "@/lib/clock";
import type { VerificationStatus } from "@/lib/generated/prisma/enums";

/** IDV-3: a case not handled within 72 hours of its creation expires and its files are deleted. */
export const CASE_LIFETIME_MS = 72 * HOUR;
/** A phone confirmation code is valid this long. */
export const PHONE_CODE_TTL_MS = 10 * MINUTE;
/** Largest accepted photo, per file. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Statuses of a case that is still waiting for the user or for staff. */
export const OPEN_STATUSES: VerificationStatus[] = ["OPEN", "PHONE_CONFIRMED", "SUBMITTED"];

export function caseExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + CASE_LIFETIME_MS);
}

export function isCaseLive(c: { status: VerificationStatus; createdAt: Date }, at: Date): boolean {
  return OPEN_STATUSES.includes(c.status) && caseExpiresAt(c.createdAt) > at;
}
