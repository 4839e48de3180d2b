import { z } from "zod";

/** The field message for text that cannot be stored as sent (a catalogue key, translated where shown). */
export const UNSTORABLE_TEXT = "validation.unstorableText";

/**
 * A NUL character (PostgreSQL text cannot hold it) or half of a UTF-16 surrogate pair (it would be stored
 * as U+FFFD, silently changing what was sent).
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Nesting walked at most: deeper input is the schema's to refuse. */
const MAX_DEPTH = 32;
const MAX_ISSUES = 20;

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** One issue per string (value or key) of `input` that cannot be stored, at its path. */
export function unstorableTextIssues(input: unknown): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (issues.length >= MAX_ISSUES) return;
    if (typeof value === "string") {
      if (!isStorableText(value)) issues.push({ code: "custom", path, message: UNSTORABLE_TEXT, input: undefined });
      return;
    }
    if (!value || typeof value !== "object" || path.length >= MAX_DEPTH) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return;
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) issues.push({ code: "custom", path: [...path, key], message: UNSTORABLE_TEXT, input: undefined });
      else walk(item, [...path, key]);
    }
  };
  walk(input, []);
  return issues;
}

/**
 * SEC-5: the one way an entry point (REST endpoint, console route, server action) reads its input with its
 * zod schema. Text that cannot be stored as sent — a NUL character, a lone surrogate — is refused first,
 * as invalid input naming its field, whatever the schema; then the schema parses.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const issues = unstorableTextIssues(raw);
  if (issues.length) throw new z.ZodError(issues);
  return schema.parse(raw);
}
