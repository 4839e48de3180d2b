import type { Db, Tx } from "@/lib/db";

/** ORD-<year>-<6 digits>: the one shape of an order number, whoever places the order. */
export function formatOrderNumber(year: number, sequence: number): string {
  return `ORD-${year}-${String(sequence).padStart(6, "0")}`;
}

/**
 * BIL-4: the next order number of the year, for every order — "Pay my selection", the renewal job, the demo
 * data. Taken in the caller's transaction from the year's `OrderSequence` row, which stays locked until it
 * commits: concurrent orders queue, numbers are unique and gap-free (a rolled-back order gives its number
 * back), and they sort by placing order within a year (the year first, the sequence zero-padded).
 */
export async function allocateOrderNumber(tx: Tx | Db, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "OrderSequence" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "OrderSequence"."last" + 1
    RETURNING "last"`;
  return formatOrderNumber(year, row!.last);
}
