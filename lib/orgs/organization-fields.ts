import { z } from "zod";
import type { Tx } from "@/lib/db";

/**
 * Field rules shared by the Organization-details use cases. Inputs also accept `null` so that a parsed
 * value can be parsed again (the server action parses, then the service parses its own input).
 */
export const orgIdField = z.string().trim().min(1, "validation.required");

/** A free-text field that may be left empty: empty becomes null. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .nullish()
    .transform((v) => (v ? v : null));
}

export function requiredText(max: number) {
  return z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");
}

export const optionalEmail = optionalText(254)
  .transform((v) => (v ? v.toLowerCase() : null))
  .refine((v) => v === null || z.email().safeParse(v).success, "validation.email");

// Digits, spaces and the usual separators, optionally an international "+" prefix.
const PHONE = /^\+?[0-9][0-9 ()./-]{3,28}[0-9]$/;
export const optionalPhone = optionalText(30).refine((v) => v === null || PHONE.test(v), "validation.invalid");

/** A website: "example.com" is read as https://example.com; only http(s) addresses with a host name. */
export const optionalWebsite = optionalText(200).transform((v, ctx) => {
  if (!v) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `https://${v}`;
  try {
    const url = new URL(candidate);
    if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".") && !url.username && !url.password) {
      return url.toString().replace(/\/$/, "");
    }
  } catch {
    // not a URL at all: reported below
  }
  ctx.addIssue({ code: "custom", message: "validation.invalid" });
  return z.NEVER;
});

/** A form checkbox ("true"/"on" when ticked, absent otherwise) or a boolean from code. */
export const checkboxField = z
  .union([z.boolean(), z.string()])
  .nullish()
  .transform((v) => v === true || v === "true" || v === "on");

/**
 * Locks the Organization row until the transaction ends. Writes that must keep an invariant across
 * several rows of the Organization (exactly one default billing address) take it first, so concurrent
 * requests run one after the other and each sees the previous one's committed result.
 */
export async function lockOrganization(tx: Tx, orgId: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${orgId} FOR UPDATE`;
}
