import { createTranslator } from "use-intl/core";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { mapError } from "@/lib/http/map-error";
import { parseInput, UNSTORABLE_TEXT, unstorableTextIssues } from "@/lib/http/parse-input";
import { translateError, type Translate } from "@/lib/http/translate-error";
import de from "@/lib/i18n/messages/de.json";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import it from "@/lib/i18n/messages/it.json";

/**
 * SEC-5: text PostgreSQL cannot store as sent — a NUL character (refused by the database, so far without
 * saying which field) or half of a surrogate pair (silently stored as U+FFFD) — is refused at the boundary
 * as invalid input naming its field, in the reader's language, whatever the schema.
 */

const schema = z.object({ name: z.string().max(100), tags: z.array(z.string()).optional(), note: z.string().optional() });
const CATALOGUES = { en, fr, de, it };

function refusal(raw: unknown): z.ZodError {
  try {
    parseInput(schema, raw);
  } catch (err) {
    if (err instanceof z.ZodError) return err;
    throw err;
  }
  throw new Error("accepted");
}

describe("text that cannot be stored (SEC-5)", () => {
  test.each([
    ["a NUL character", "a\u0000b"],
    ["a lone high surrogate", "\uD800"],
    ["a lone low surrogate", "x\uDFFFy"],
    ["a pair in the wrong order", "\uDC00\uD800"],
    ["a high surrogate at the end", "café\uDBFF"],
  ])("[SEC-5] %s is refused as invalid input naming its field", (_, text) => {
    const err = refusal({ name: "Team", tags: ["ok", text] });
    expect(err.issues).toEqual([expect.objectContaining({ path: ["tags", 1], message: UNSTORABLE_TEXT })]);
    expect(mapError(err)).toMatchObject({ status: 422, code: "invalid_input", fieldErrors: { "tags.1": [UNSTORABLE_TEXT] } });
    expect(mapError(err, { invalidInputStatus: 400 }).status).toBe(400);
  });

  test("[SEC-5] the field is named even where the schema would have accepted or dropped it", () => {
    // `name` is valid for the schema (a string of 3 characters) — the check does not depend on it.
    expect(refusal({ name: "a\u0000b" }).issues.map((i) => i.path)).toEqual([["name"]]);
    // An unknown field (zod would drop it) and a key that is itself unstorable.
    expect(unstorableTextIssues({ name: "ok", extra: { deep: "\uD83D" }, ["k\u0000"]: 1 }).map((i) => i.path)).toEqual([["extra", "deep"], ["k\u0000"]]);
  });

  test("[SEC-5] well-formed text passes: accents, emoji (surrogate pairs), other control characters", () => {
    const input = { name: "Équipe 🙂‍↔️ 𝄞", note: "tab\tand\r\nnew line", tags: ["日本語"] };
    expect(parseInput(schema, input)).toEqual(input);
    expect(unstorableTextIssues(input)).toEqual([]);
  });

  test("[SEC-5] deeply nested input is walked without overflowing the stack", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => unstorableTextIssues(deep)).not.toThrow();
  });

  test.each(Object.entries(CATALOGUES))("[SEC-5] the field message is translated (%s)", (locale, messages) => {
    const t = createTranslator({ locale, messages }) as unknown as Translate;
    const { fieldErrors } = translateError(t, mapError(refusal({ name: "\uD800" })));
    expect(fieldErrors).toEqual({ name: messages.validation.unstorableText });
    expect(fieldErrors!.name).not.toBe(messages.validation.invalid);
  });
});
