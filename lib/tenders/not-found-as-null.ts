import { toAppError } from "@/lib/errors";

/** For link pages: an unknown or used link is a clear message on the page (null), not an error. */
export async function notFoundAsNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (err) {
    if (toAppError(err)?.code === "NOT_FOUND") return null;
    throw err;
  }
}
