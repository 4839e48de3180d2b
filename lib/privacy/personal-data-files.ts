import { now } from "@/lib/clock";
import { spreadsheetCsv } from "@/lib/csv/spreadsheet-csv";
import { PRIVATE_HEADERS } from "@/lib/http/session-route";
import { PERSONAL_SECTIONS, type PersonalRecord } from "./export-personal-data";

/** CSV columns: one line per field of each item, so every section fits one flat file. */
export const PERSONAL_CSV_HEADER = ["section", "item", "field", "value"];

function cell(value: PersonalRecord["fields"][string]): string | null {
  if (value === null) return null;
  return Array.isArray(value) ? value.join(" | ") : String(value);
}

/** The export as CSV (section, item, field, value), every cell quoted and formula-safe (SEC-9). */
function csvBody(batches: AsyncIterable<PersonalRecord[]>): ReadableStream<Uint8Array> {
  const counters = new Map<string, number>();
  async function* lines() {
    for await (const batch of batches) {
      yield batch.flatMap((r) => {
        const item = (counters.get(r.section) ?? 0) + 1;
        counters.set(r.section, item);
        return Object.entries(r.fields).map(([field, value]) => ({ section: r.section, item, field, value: cell(value) }));
      });
    }
  }
  return spreadsheetCsv(PERSONAL_CSV_HEADER, lines(), (l) => [l.section, l.item, l.field, l.value]);
}

/** The export as one JSON object, `{ exportedAt, profile: {…}, memberships: […], … }`, written as batches arrive. */
function jsonBody(batches: AsyncIterable<PersonalRecord[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let current: string | null = null;
  let first = true;
  const opened = new Set<string>();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`{"exportedAt":${JSON.stringify(now().toISOString())}`));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        // Sections with nothing in them are still named, so the reader sees what was looked at.
        const rest = PERSONAL_SECTIONS.filter((s) => !opened.has(s) && s !== "profile").map((s) => `,${JSON.stringify(s)}:[]`);
        controller.enqueue(encoder.encode(`${current ? "]" : ""}${rest.join("")}}\n`));
        controller.close();
        return;
      }
      let out = "";
      for (const record of next.value) {
        if (record.section === "profile") {
          out += `${current ? "]" : ""},"profile":${JSON.stringify(record.fields)}`;
          current = null;
          opened.add("profile");
          continue;
        }
        if (record.section !== current) {
          out += `${current ? "]" : ""},${JSON.stringify(record.section)}:[`;
          current = record.section;
          opened.add(record.section);
          first = true;
        }
        out += `${first ? "" : ","}${JSON.stringify(record.fields)}`;
        first = false;
      }
      controller.enqueue(encoder.encode(out));
    },
  });
}

/**
 * The answer of the "my data" route: the first batch is read before answering, so a refusal (signed out,
 * too many exports) is a plain error, never a broken download; then the rest is streamed as it is read.
 */
export async function personalDataDownload(batches: AsyncGenerator<PersonalRecord[]>, format: "json" | "csv"): Promise<Response> {
  const head = await batches.next();
  async function* all() {
    if (head.done) return;
    yield head.value;
    yield* batches;
  }
  const body = format === "csv" ? csvBody(all()) : jsonBody(all());
  return new Response(body, {
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="my-data-${now().toISOString().slice(0, 10)}.${format}"`,
    },
  });
}
