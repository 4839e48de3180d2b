import { DAY } from "@/lib/clock";

/**
 * BIL-1: what happens to an invoice left unpaid, in days after its due date — the one place these days
 * are set (the README repeats them). Each step is taken once, by its own job; a step's `step` number is
 * stored on the invoice (`dunningStep`) so a job run twice, or late, never repeats it.
 */
export const DUNNING_DAYS = {
  firstReminder: 3,
  secondReminder: 10,
  /** The products the invoice covers are suspended (Product.status BLOCKED). */
  suspension: 20,
  /** The suspended products are terminated (Product.status TERMINATED). */
  termination: 50,
} as const;

export const DUNNING_STEPS = [
  { step: 1, kind: "reminder", days: DUNNING_DAYS.firstReminder },
  { step: 2, kind: "reminder", days: DUNNING_DAYS.secondReminder },
  { step: 3, kind: "suspension", days: DUNNING_DAYS.suspension },
  { step: 4, kind: "termination", days: DUNNING_DAYS.termination },
] as const;

export type DunningStep = (typeof DUNNING_STEPS)[number];
export const SUSPENDED_STEP = 3;
export const TERMINATED_STEP = 4;

/** The date a step falls due for an invoice due at `dueAt`. */
export function stepDate(dueAt: Date, days: number): Date {
  return new Date(dueAt.getTime() + days * DAY);
}
