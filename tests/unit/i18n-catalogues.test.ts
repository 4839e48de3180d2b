import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, test } from "vitest";

/**
 * Checks the UI catalogues (lib/i18n/messages) and the e-mail catalogues (lib/mail/messages):
 * every locale has English's keys, every message is valid ICU that formats with sample values
 * and uses exactly English's arguments, and no catalogue is a leftover copy of English.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LOCALES = ["en", "fr", "de", "it"] as const;
const TRANSLATED = ["fr", "de", "it"] as const;
type Locale = (typeof LOCALES)[number];

const CATALOGUES = {
  ui: "lib/i18n/messages",
  mail: "lib/mail/messages",
} as const;

type Json = string | { [key: string]: Json };

function load(dir: string, locale: Locale): Record<string, string> {
  const raw = JSON.parse(readFileSync(join(ROOT, dir, `${locale}.json`), "utf8")) as Json;
  return flatten(raw);
}

function flatten(node: Json, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (typeof node === "string") {
    out[prefix] = node;
    return out;
  }
  if (node === null || typeof node !== "object" || Array.isArray(node)) {
    throw new Error(`${prefix || "<root>"} must be a string or an object`);
  }
  for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

// Element types of @formatjs/icu-messageformat-parser (TYPE enum).
const T = { literal: 0, argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, pound: 7, tag: 8 } as const;

type Element = {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
};

type Arg = { kind: "plain" | "number" | "date" | "plural" | "select" | "tag"; branches?: string[] };

function collectArgs(elements: Element[], out = new Map<string, Arg>()): Map<string, Arg> {
  for (const el of elements) {
    switch (el.type) {
      case T.argument:
        if (!out.has(el.value!)) out.set(el.value!, { kind: "plain" });
        break;
      case T.number:
        out.set(el.value!, { kind: "number" });
        break;
      case T.date:
      case T.time:
        out.set(el.value!, { kind: "date" });
        break;
      case T.plural:
      case T.select:
        out.set(el.value!, {
          kind: el.type === T.plural ? "plural" : "select",
          branches: Object.keys(el.options ?? {}),
        });
        for (const option of Object.values(el.options ?? {})) collectArgs(option.value, out);
        break;
      case T.tag:
        out.set(el.value!, { kind: "tag" });
        collectArgs(el.children ?? [], out);
        break;
    }
  }
  return out;
}

function sampleValues(args: Map<string, Arg>, pluralValue: number) {
  const values: Record<string, unknown> = {};
  for (const [name, arg] of args) {
    if (arg.kind === "plural" || arg.kind === "number") values[name] = pluralValue;
    else if (arg.kind === "date") values[name] = new Date(Date.UTC(2025, 2, 14, 9, 30));
    else if (arg.kind === "tag") values[name] = (chunks: unknown[]) => chunks.join("");
    else if (arg.kind === "select") values[name] = arg.branches?.find((b) => b !== "other") ?? "other";
    else values[name] = `sample-${name}`;
  }
  return values;
}

function compile(message: string, locale: Locale): Map<string, Arg> {
  const format = new IntlMessageFormat(message, locale);
  const args = collectArgs(format.getAst() as unknown as Element[]);
  // Format with several counts so that every plural branch (=0, one, other…) is exercised.
  for (const n of [0, 1, 2, 5, 21]) {
    const result = format.format(sampleValues(args, n) as Record<string, string>);
    expect(typeof result === "string" || Array.isArray(result)).toBe(true);
  }
  return args;
}

function sortedKeys(messages: Record<string, string>) {
  return Object.keys(messages).sort();
}

for (const [name, dir] of Object.entries(CATALOGUES)) {
  describe(`${name} catalogues (${dir})`, () => {
    const catalogues = Object.fromEntries(LOCALES.map((l) => [l, load(dir, l)])) as Record<Locale, Record<string, string>>;
    const english = catalogues.en;

    test("[i18n] every catalogue has the same keys as English", () => {
      const expected = sortedKeys(english);
      expect(expected.length).toBeGreaterThan(0);
      for (const locale of TRANSLATED) {
        const actual = sortedKeys(catalogues[locale]);
        const missing = expected.filter((k) => !(k in catalogues[locale]));
        const extra = actual.filter((k) => !(k in english));
        expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] });
      }
    });

    test("[i18n] every message compiles and keeps the English placeholders", () => {
      const problems: string[] = [];
      for (const [key, source] of Object.entries(english)) {
        let englishArgs: Map<string, Arg>;
        try {
          englishArgs = compile(source, "en");
        } catch (e) {
          problems.push(`en ${key}: ${(e as Error).message}`);
          continue;
        }
        const expectedNames = [...englishArgs.keys()].sort();
        for (const locale of TRANSLATED) {
          const message = catalogues[locale][key];
          if (message === undefined) continue; // reported by the key test
          let args: Map<string, Arg>;
          try {
            args = compile(message, locale);
          } catch (e) {
            problems.push(`${locale} ${key}: ${(e as Error).message}`);
            continue;
          }
          const names = [...args.keys()].sort();
          if (names.join(",") !== expectedNames.join(",")) {
            problems.push(`${locale} ${key}: arguments [${names}] instead of [${expectedNames}]`);
            continue;
          }
          for (const [argName, englishArg] of englishArgs) {
            const arg = args.get(argName)!;
            if (arg.kind !== englishArg.kind) {
              problems.push(`${locale} ${key}: {${argName}} is ${arg.kind} instead of ${englishArg.kind}`);
            } else if (arg.kind === "plural") {
              // Keep English's exact branches (=0 …) and every category the language has; branches must be
              // =N or a CLDR plural category of the language (so few/many may be added where they exist).
              const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
              const required = englishArg.branches!.filter((b) => /^=\d+$/.test(b) || categories.includes(b));
              const lost = required.filter((b) => !arg.branches!.includes(b));
              const invalid = arg.branches!.filter((b) => !/^=\d+$/.test(b) && !categories.includes(b));
              if (lost.length) problems.push(`${locale} ${key}: {${argName}} lost branches ${lost}`);
              if (invalid.length) problems.push(`${locale} ${key}: {${argName}} has invalid branches ${invalid}`);
            } else if (arg.kind === "select") {
              const a = [...arg.branches!].sort().join(",");
              const b = [...englishArg.branches!].sort().join(",");
              if (a !== b) problems.push(`${locale} ${key}: {${argName}} branches [${a}] instead of [${b}]`);
            }
          }
        }
      }
      expect(problems).toEqual([]);
    });

    test("[i18n] no catalogue is left untranslated", () => {
      const keys = Object.keys(english);
      for (const locale of TRANSLATED) {
        const same = keys.filter((k) => catalogues[locale][k] === english[k]);
        const translatedShare = (keys.length - same.length) / keys.length;
        expect({ locale, ok: translatedShare >= 0.9, same }).toMatchObject({ locale, ok: true });
      }
    });

    test("[i18n] French uses typographic apostrophes and non-breaking spaces before ? ! : ;", () => {
      const problems: string[] = [];
      for (const [key, message] of Object.entries(catalogues.fr)) {
        if (message.includes("'")) problems.push(`${key}: ASCII apostrophe (use ’)`);
        if (/[ \t][?!:;]/.test(message)) problems.push(`${key}: ordinary space before ? ! : ;`);
        if (/[\p{L}\p{N}»)][?!:;](\s|$)/u.test(message)) problems.push(`${key}: missing non-breaking space before ? ! : ;`);
      }
      expect(problems).toEqual([]);
    });
  });
}
