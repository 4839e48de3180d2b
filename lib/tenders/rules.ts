import { DAY, now } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";

/** TND-1: how long a call for tenders may stay open, in days from today (UTC), and the default. */
export const VALIDITY_DAYS = { min: 7, max: 90, default: 30 } as const;

/** The date (YYYY-MM-DD, UTC) `days` from now: what the submission form offers. */
export function dateInDays(days: number, from: Date = now()): string {
  return new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);
}

/** A call is valid until the end of its last day (UTC). */
export function endOfDay(date: string): Date {
  return new Date(`${date}T23:59:59.999Z`);
}

/**
 * TND-2, TND-4: a call partners may see — not cancelled and still valid. Every partner read filters through
 * this one clause, so a cancelled or expired call disappears from every view at once.
 */
export function openTenderWhere(): Prisma.TenderWhereInput {
  return { cancelledAt: null, validUntil: { gt: now() } };
}

/** The extract partners are mailed (TND-2): the description shortened on a word boundary. */
export function excerpt(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
