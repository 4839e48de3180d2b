import en from "@/lib/i18n/messages/en.json";
import type { MappedError } from "./map-error";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A key the user may see: one naming a message of the catalogues ("errors.x", "validation.x", a feature's
 * "billing.postFinanceChfOnly" …), looked up in the English one, which the catalogue test keeps in step
 * with the others. Raw text (a schema's own message) and unknown keys are never shown.
 */
export function isUserKey(key: string): boolean {
  if (!key.includes(".")) return false;
  let node: unknown = en;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object" || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/** Translates a message key; an unknown key (or raw text) falls back to a generic message, never shown as is. */
export function translateKey(t: Translate, key: string, values?: Record<string, string | number>): string {
  if (isUserKey(key)) {
    try {
      return t(key, values);
    } catch {
      // an unknown key falls through to a generic message
    }
  }
  return t(key.startsWith("validation.") ? "validation.invalid" : "errors.generic");
}

/** One message per field (the first); a schema's untranslated text reads as "invalid". */
export function translateFieldErrors(t: Translate, fields: Record<string, string[]>, rootName: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fields)) {
    const key = messages[0] && isUserKey(messages[0]) ? messages[0] : "validation.invalid";
    out[path || rootName] ??= translateKey(t, key);
  }
  return out;
}

/** The mapped error in the user's language: a message, and field messages when the input was invalid. */
export function translateError(t: Translate, mapped: MappedError, rootName = "_form"): { message: string; fieldErrors?: Record<string, string> } {
  const message = translateKey(t, mapped.key, mapped.values);
  return mapped.fieldErrors ? { message, fieldErrors: translateFieldErrors(t, mapped.fieldErrors, rootName) } : { message };
}
