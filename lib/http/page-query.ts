import { z } from "zod";
import { firstParam, type SearchParams } from "./list-href";
import { isStorableText } from "./parse-input";

/** A query value of a page: text of at most `max` characters (a longer one is refused, and the page falls back). */
export const queryText = (max: number) => z.string().max(max).optional();

export type PageQuery<T> = {
  query: T;
  /** The parameters that were refused and fell back to their default (the page says so, see QueryNotice). */
  invalid: string[];
};

/**
 * SEC-5: how a page reads its own query string (search boxes, filters, period, cursors) — the same rule as
 * parse-input for every other entry point, but a page never refuses to show itself: a value its schema
 * refuses, or text that cannot be stored (a NUL, a lone surrogate), is dropped so the field takes its
 * default, and is named in `invalid` for a translated notice. Each field of `schema` must accept absence
 * (optional or a default); the first of repeated values is read, an empty one is absent, unknown
 * parameters are ignored.
 */
export function parsePageQuery<S extends z.ZodObject>(schema: S, sp: SearchParams): PageQuery<z.output<S>> {
  const raw: Record<string, string> = {};
  const invalid: string[] = [];
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const value = firstParam(sp[key]);
    // An empty value is a filter left blank by the form: absent.
    if (value === undefined || value === "") continue;
    if (isStorableText(value) && field.safeParse(value).success) raw[key] = value;
    else invalid.push(key);
  }
  const parsed = schema.safeParse(raw);
  // A rule across fields (a period's start after its end): the whole query falls back.
  if (!parsed.success) return { query: schema.parse({}), invalid: [...invalid, ...Object.keys(raw)] };
  return { query: parsed.data, invalid };
}
