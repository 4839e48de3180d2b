import { z } from "zod";

/** Shared field rules. Messages are translation keys under `validation.`. */
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "validation.required")
  .max(254, "validation.tooLong")
  .pipe(z.email("validation.email"));

export const passwordField = z
  .string()
  .min(10, "validation.passwordTooShort")
  .max(200, "validation.tooLong");

export const nameField = z.string().trim().min(1, "validation.required").max(100, "validation.tooLong");

export const LOCALES = ["en", "fr", "de", "it"] as const;
export const localeField = z.enum(LOCALES);
