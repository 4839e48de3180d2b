/**
 * The one source of "now". Tests move it explicitly to exercise expiry rules instead of sleeping.
 * In a running server it can also be offset through MANAGER_CLOCK_OFFSET_MS (end-to-end tests only).
 */
let fixed: Date | null = null;
let offsetMs = Number(process.env.MANAGER_CLOCK_OFFSET_MS ?? 0) || 0;

export function now(): Date {
  return fixed ? new Date(fixed) : new Date(Date.now() + offsetMs);
}

export const clock = {
  set(date: Date | null) {
    fixed = date ? new Date(date) : null;
  },
  advance(ms: number) {
    if (fixed) fixed = new Date(fixed.getTime() + ms);
    else offsetMs += ms;
  },
  reset() {
    fixed = null;
    offsetMs = 0;
  },
};

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
