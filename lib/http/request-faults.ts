import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What went wrong while one request was answered, for the web server in front of Next.js (scripts/server.ts):
 * a page cannot set its own status, so a page that failed because the database is out is turned from
 * Next.js's 500 into a 503 with Retry-After there. One instance per process (the server and the built app
 * load this module separately), kept on globalThis.
 */
export type RequestFaults = { databaseUnavailable: boolean };

const g = globalThis as unknown as { __managerRequestFaults?: AsyncLocalStorage<RequestFaults>; __managerDatabaseDown?: boolean };

export const requestFaults: AsyncLocalStorage<RequestFaults> = (g.__managerRequestFaults ??= new AsyncLocalStorage<RequestFaults>());

/**
 * Called by a database client: `unavailable` on an outage (this request met it), false once a query
 * succeeds. Only the application's own client (`processWide`) speaks for the whole process.
 */
export function noteDatabaseState(unavailable: boolean, processWide: boolean) {
  if (unavailable) {
    const store = requestFaults.getStore();
    if (store) store.databaseUnavailable = true;
  }
  if (processWide) g.__managerDatabaseDown = unavailable;
}

/** Whether this request met the outage, or the last query of the process found the database out. */
export function databaseUnavailableNow(): boolean {
  return requestFaults.getStore()?.databaseUnavailable === true || g.__managerDatabaseDown === true;
}
