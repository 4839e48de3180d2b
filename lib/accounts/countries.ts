import { countries as vatCountries, checkVAT } from "jsvat";

/** EU member states (ISO 3166-1 alpha-2), for the intra-community VAT number (VAT-1). */
export const EU_COUNTRIES = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
  "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
] as const;

/** Countries offered at sign-up: the EU, plus the non-EU neighbours the provider serves. */
export const COUNTRIES = [...EU_COUNTRIES, "CH", "LI", "NO", "GB", "IS", "MC", "US", "CA"] as const;

export type CountryCode = (typeof COUNTRIES)[number];

export function isEu(country: string): boolean {
  return (EU_COUNTRIES as readonly string[]).includes(country);
}

/** CHF for Switzerland and Liechtenstein, EUR elsewhere. */
export function currencyFor(country: string): "CHF" | "EUR" {
  return country === "CH" || country === "LI" ? "CHF" : "EUR";
}

/** VAT number prefixes that differ from the ISO code. */
const VAT_PREFIX: Record<string, string> = { GR: "EL" };

export function normalizeVatNumber(raw: string): string {
  return raw.replace(/[\s.\-]/g, "").toUpperCase();
}

/**
 * Checks an EU VAT number's format and check digits for the given country (jsvat).
 * Answers a translation key when the number is refused.
 */
export function validateVatNumber(country: string, raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  if (!isEu(country)) return { ok: false, reason: "validation.vatNotEu" };
  let value = normalizeVatNumber(raw);
  const prefix = VAT_PREFIX[country] ?? country;
  if (!value.startsWith(prefix)) value = prefix + value;
  const result = checkVAT(value, vatCountries);
  if (!result.isValid || result.country?.isoCode.short !== (country === "GR" ? "GR" : country)) {
    return { ok: false, reason: "validation.vatInvalid" };
  }
  return { ok: true, value };
}
