import { now } from "@/lib/clock";
import type { AppLocale } from "@/lib/i18n/locales";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { PRIVATE_HEADERS } from "./session-route";

type Download<T> = {
  /** The file's name before the date: `products` gives `products-2026-12-05.csv`. */
  name: string;
  /** The service's batches for this reader and query (the service checks access on the first read). */
  batches: AsyncGenerator<T[]>;
  /** The CSV of those batches in the reader's language. */
  write: (batches: AsyncIterable<T[]>, locale: AppLocale) => Promise<ReadableStream<Uint8Array>>;
};

/**
 * The answer of a console "Export CSV" route (inside `sessionRoute`): the first batch is read before
 * answering, so a refusal is the route's plain 404 (another Organization) or 403 (no right), never a broken
 * download; then every batch is streamed as the browser reads.
 */
export async function csvDownload<T>({ name, batches, write }: Download<T>): Promise<Response> {
  const first = await batches.next();
  async function* all() {
    if (first.done) return;
    yield first.value;
    yield* batches;
  }
  const body = await write(all(), await resolveLocale());
  return new Response(body, {
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}-${now().toISOString().slice(0, 10)}.csv"`,
    },
  });
}
