import { stringify } from "csv-stringify/sync";

// A spreadsheet reads a cell starting with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * SEC-9: customer text written as text. A cell starting with =, +, -, @, a tab or a carriage return gets
 * a leading apostrophe; so does every part after a ";" (spaces kept), because a spreadsheet that opens
 * the file with ";" as its separator starts a new cell there.
 */
export function spreadsheetSafe(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return safe.replace(/;( *)(?=[=+\-@\t\r])/g, ";$1'");
}

const OPTIONS = { record_delimiter: "windows", quoted: true, quoted_empty: true } as const;

/**
 * A CSV download written batch by batch as the reader pulls it: a byte-order mark (spreadsheets then read
 * UTF-8 accents and umlauts), the header, then each batch of rows. Every cell is quoted and made
 * formula-safe, numbers and dates included, so no column can be forgotten.
 */
export function spreadsheetCsv<T>(header: string[], batches: AsyncIterable<T[]>, toRow: (item: T) => (string | number | null)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  const encode = (rows: (string | number | null)[][]) => encoder.encode(stringify(rows.map((r) => r.map((cell) => spreadsheetSafe(cell === null ? "" : String(cell)))), OPTIONS));
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\uFEFF"));
        controller.enqueue(encode([header]));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encode(next.value.map(toRow)));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
