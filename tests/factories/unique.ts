import { randomBytes } from "node:crypto";
import type { Db, Tx } from "@/lib/db";

/** Factories work on the client or inside a caller's transaction. */
export type DbOrTx = Db | Tx;

let counter = 0;

/**
 * A process-local counter keeps names readable and ordered; the random part keeps parallel test
 * workers (separate processes, each starting at 1) from colliding on unique columns.
 */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${randomBytes(3).toString("hex")}`;
}
