import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { HTTP_STATUS } from "@/lib/errors";
import { isUserKey, translateError, type Translate } from "@/lib/http/translate-error";

/**
 * Every message key an AppError carries in lib/ — its message, its field messages, and the messages of
 * the zod schemas whose failures become field errors — names a message in the four catalogues, and the
 * error translator accepts it (an unaccepted key reaches the user as the generic "something went wrong").
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LOCALES = ["en", "fr", "de", "it"] as const;
const KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/;

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!["generated", "messages"].includes(entry.name)) sources(path, out);
    } else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** The text of a call from its opening parenthesis to the matching closing one. */
function callText(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "(") depth++;
    if (source[i] === ")" && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

const literals = (text: string) => [...text.matchAll(/"([^"\\\n]*)"/g)].map((m) => m[1]).filter((s) => KEY.test(s));

/** key → the files using it. */
function errorKeys(): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  const add = (key: string, file: string) => keys.set(key, (keys.get(key) ?? new Set()).add(relative(ROOT, file)));
  for (const code of Object.keys(HTTP_STATUS)) add(`errors.${code}`, join(ROOT, "lib/errors.ts"));
  for (const file of sources(join(ROOT, "lib"))) {
    const source = readFileSync(file, "utf8");
    // new AppError("CODE", "key", { field: ["key"] }): every key-shaped literal of the call.
    for (const m of source.matchAll(/new AppError\(/g)) for (const key of literals(callText(source, m.index + m[0].length - 1))) add(key, file);
    // zod: { message: "key" } and .min(1, "key") style shorthands.
    for (const m of source.matchAll(/message:\s*"([^"\n]+)"/g)) if (KEY.test(m[1])) add(m[1], file);
    for (const m of source.matchAll(/\.(?:min|max|length|regex|email|url|uuid|int|positive|nonnegative|refine|startsWith|endsWith|includes|nonempty|gte|lte|gt|lt|multipleOf)\([^()]*?"([^"\n]+)"\s*\)/g))
      if (KEY.test(m[1])) add(m[1], file);
  }
  return keys;
}

function lookup(catalogue: unknown, key: string): unknown {
  let node = catalogue;
  for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

describe("error message keys", () => {
  const keys = errorKeys();

  test("the scan finds the keys of lib/ (errors, validation and features' own)", () => {
    expect(keys.has("errors.INVALID_INPUT")).toBe(true);
    expect(keys.has("validation.required")).toBe(true);
    expect(keys.get("billing.postFinanceChfOnly")).toBeDefined();
    expect(keys.get("billing.chooseMethodError")).toBeDefined();
  });

  test.each(LOCALES)("every AppError and schema message key of lib/ has a message in %s", (locale) => {
    const catalogue = JSON.parse(readFileSync(join(ROOT, "lib/i18n/messages", `${locale}.json`), "utf8")) as unknown;
    const missing = [...keys].filter(([key]) => typeof lookup(catalogue, key) !== "string").map(([key, files]) => `${key} (${[...files].join(", ")})`);
    expect(missing).toEqual([]);
  });

  test("the error translator accepts every one of them", () => {
    expect([...keys.keys()].filter((key) => !isUserKey(key))).toEqual([]);
  });

  test("billing.postFinanceChfOnly and billing.chooseMethodError reach the user, not the generic message", () => {
    const t: Translate = (key) => `«${key}»`;
    const out = translateError(t, { status: 422, code: "invalid_input", key: "errors.INVALID_INPUT", headers: {}, fieldErrors: { method: ["billing.postFinanceChfOnly"], other: ["billing.chooseMethodError"] } });
    expect(out.fieldErrors).toEqual({ method: "«billing.postFinanceChfOnly»", other: "«billing.chooseMethodError»" });
  });

  test("raw text and unknown keys are never shown", () => {
    expect(isUserKey("Invalid input")).toBe(false);
    expect(isUserKey("errors.noSuchMessage")).toBe(false);
    expect(isUserKey("billing")).toBe(false);
  });
});
