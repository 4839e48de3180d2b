/**
 * Messages a table repeats on every row ("Select {name}", "every {months} months"), formatted without
 * paying ICU formatting on each call: use-intl keys its formatter cache with `JSON.stringify` of the
 * message and every configured format, ≈ 15 µs per call, which 25 rows × 8 labels turn into milliseconds
 * per page. Both helpers memoise per process on the locale and the message text itself, so a catalogue
 * change or another language can never be served a stale result.
 */

type Values = Record<string, string | number>;
type Translate = { (key: string, values?: Values): string; raw(key: string): unknown };

const MAX_ENTRIES = 2_000;
const templates = new Map<string, string[]>();
const results = new Map<string, string>();
const MARK = "\u0000";

function remember<T>(map: Map<string, T>, id: string, value: T): T {
  if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
  map.set(id, value);
  return value;
}

/**
 * A message whose arguments are plain strings (no plural or select on them): formatted once with
 * markers in place of the values, then filled on every call.
 */
export function fillMessage(t: Translate, locale: string, key: string, values: Record<string, string>): string {
  const names = Object.keys(values);
  const id = `${locale}${MARK}${key}${MARK}${String(t.raw(key))}${MARK}${names.join(",")}`;
  const parts =
    templates.get(id) ??
    remember(templates, id, t(key, Object.fromEntries(names.map((name, i) => [name, `${MARK}${i}${MARK}`]))).split(MARK));
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += values[names[Number(parts[i])]] + parts[i + 1];
  return out;
}

/** A message with few distinct values (a plural on 1, 12 or 24 months): each result formatted once. */
export function cachedMessage(t: Translate, locale: string, key: string, values: Values): string {
  const id = `${locale}${MARK}${key}${MARK}${String(t.raw(key))}${MARK}${JSON.stringify(values)}`;
  return results.get(id) ?? remember(results, id, t(key, values));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** One `Intl.DateTimeFormat` per locale, time zone and style, instead of one lookup per cell. */
export function formatDate(date: Date, locale: string, timeZone: string | undefined, dateStyle: "medium" | "long" = "medium"): string {
  const id = `${locale}|${timeZone ?? ""}|${dateStyle}`;
  let format = dateFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle, timeZone });
    dateFormats.set(id, format);
  }
  return format.format(date);
}
