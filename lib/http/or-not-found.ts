import { notFound } from "next/navigation";
import { toAppError, type AppErrorCode } from "@/lib/errors";

/**
 * For pages: what the service refuses to show — unknown, another Organization's, or not allowed — is the
 * 404 page, so existence is never revealed. `alsoFor` adds codes a page treats the same way (a malformed
 * id in the URL is INVALID_INPUT for the service, but simply nothing to show for the page). Any other
 * failure is rethrown to the error page.
 */
export async function orNotFound<T>(work: Promise<T>, ...alsoFor: AppErrorCode[]): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const app = toAppError(err);
    if (app && (app.code === "NOT_FOUND" || app.code === "FORBIDDEN" || alsoFor.includes(app.code))) notFound();
    throw err;
  }
}
