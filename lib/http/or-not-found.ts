import { notFound } from "next/navigation";
import { z } from "zod";
import { toAppError, type AppErrorCode } from "@/lib/errors";

/**
 * For pages: what the service refuses to show — unknown, another Organization's, or not allowed — is the
 * 404 page, so existence is never revealed. `alsoFor` adds codes a page treats the same way (a malformed
 * id in the URL is INVALID_INPUT for the service, but simply nothing to show for the page). Any other
 * failure is rethrown to the error page. A page's input is its URL: an id the service's schema refuses (too
 * long, say) is nothing to show either, never a 500 (SEC-5).
 */
export async function orNotFound<T>(work: Promise<T>, ...alsoFor: AppErrorCode[]): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof z.ZodError) notFound();
    const app = toAppError(err);
    if (app && (app.code === "NOT_FOUND" || app.code === "FORBIDDEN" || alsoFor.includes(app.code))) notFound();
    throw err;
  }
}
