import type { Actor } from "@/lib/access/actor";
import { getActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { AppError, HTTP_STATUS } from "@/lib/errors";
import type { AppLocale } from "@/lib/i18n/locales";
import { resolveLocale } from "@/lib/i18n/resolve-locale";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

type Export<T> = {
  /** The file's name before the date: `products` gives `products-2026-12-05.csv`. */
  name: string;
  /** The service's batches for this reader and query string (it checks access on the first read). */
  read: (actor: Actor, query: URLSearchParams) => AsyncGenerator<T[]>;
  /** The CSV of those batches in the reader's language. */
  write: (batches: AsyncIterable<T[]>, locale: AppLocale) => Promise<ReadableStream<Uint8Array>>;
};

/**
 * A console "Export CSV" route: no session goes to sign-in; the first batch is read before answering, so a
 * refusal is a plain 404 (another Organization) or 403 (a member without the right), never a broken
 * download; then every batch is streamed as the browser reads.
 */
export async function csvDownload<T>(request: Request, { name, read, write }: Export<T>): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.redirect(new URL("/sign-in", request.url), 303);
  const batches = read(actor, new URL(request.url).searchParams);
  let first: IteratorResult<T[]>;
  try {
    first = await batches.next();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const status = err.code === "FORBIDDEN" ? HTTP_STATUS.FORBIDDEN : HTTP_STATUS.NOT_FOUND;
    return new Response(status === 404 ? "Not found" : "Forbidden", { status, headers: PRIVATE });
  }
  async function* all() {
    if (first.done) return;
    yield first.value;
    yield* batches;
  }
  const body = await write(all(), await resolveLocale());
  return new Response(body, {
    headers: {
      ...PRIVATE,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-${now().toISOString().slice(0, 10)}.csv"`,
    },
  });
}
