/**
 * Counts on the dashboard stop at this many rows: the database reads at most that many index entries,
 * whatever the Organization holds, and the page shows "99+" beyond COUNT_CAP - 1.
 */
export const COUNT_CAP = 100;

/** Runs a count limited to COUNT_CAP rows (Prisma's `count({ take })`: a LIMIT inside the COUNT). */
export function cappedCount(count: (take: number) => Promise<number>): Promise<number> {
  return count(COUNT_CAP);
}

/** Whether a capped count stands for "more than shown". */
export function isCapped(count: number): boolean {
  return count >= COUNT_CAP;
}

/** A capped count as the page shows it: "99+" once it reaches the cap. */
export function shownCount(count: number): string {
  return isCapped(count) ? `${COUNT_CAP - 1}+` : String(count);
}
