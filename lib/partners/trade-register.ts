/**
 * PRT-1: trade-register numbers, checked per country before a partner application is accepted. Each
 * check is the register's published format, with its check digit where the number carries one:
 *
 * - CH — UID (Unternehmens-Identifikationsnummer), `CHE-123.456.789`: 8 digits weighted 5 4 3 2 7 6 5 4,
 *   the 9th is 11 − (sum mod 11) (11 gives 0; 10 is never issued, so the number is invalid).
 * - FR — SIREN, 9 digits (or the establishment's SIRET, 14 digits) with the Luhn check.
 * - DE — Handelsregister: `HRA` (partnerships) or `HRB` (companies) and up to 6 digits, optionally a
 *   letter suffix (`HRB 12345 B`). The register court is not part of the number; no check digit.
 * - IT — partita IVA, 11 digits: the first 7 the company, 3 the province office (001–100, 120, 121, 888,
 *   999), the last a Luhn check digit.
 * - AT — Firmenbuchnummer `FN 123456a`: up to 6 digits and a check letter (format only).
 * - BE — numéro d'entreprise / ondernemingsnummer, 10 digits starting with 0 or 1 (`0123.456.749`):
 *   the last two are 97 − (first eight mod 97).
 * - LU — RCS `B123456` (companies) or `A…` (associations): format only.
 *
 * `normaliseTradeRegister` answers the number written the register's way, or null when it is not valid.
 */
export const REGISTER_COUNTRIES = ["CH", "FR", "DE", "IT", "AT", "BE", "LU"] as const;
export type RegisterCountry = (typeof REGISTER_COUNTRIES)[number];

const digitsOf = (s: string) => s.replace(/[\s.\-/]/g, "");

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The Swiss UID's check digit of its first eight digits, or null when none exists (10). */
export function swissUidCheckDigit(first8: string): number | null {
  const weights = [5, 4, 3, 2, 7, 6, 5, 4];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first8[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

function swiss(raw: string): string | null {
  const m = /^CHE[\s-]?(\d{3})[.\s]?(\d{3})[.\s]?(\d{3})(?:\s*(?:MWST|TVA|IVA|HR))?$/i.exec(raw.trim());
  if (!m) return null;
  const digits = m[1] + m[2] + m[3];
  if (swissUidCheckDigit(digits.slice(0, 8)) !== Number(digits[8])) return null;
  return `CHE-${m[1]}.${m[2]}.${m[3]}`;
}

function french(raw: string): string | null {
  const d = digitsOf(raw);
  if (!/^(\d{9}|\d{14})$/.test(d) || !luhnValid(d)) return null;
  return d;
}

function german(raw: string): string | null {
  const m = /^(HRA|HRB)\s*(\d{1,6})(?:\s*([A-Z]{1,2}))?$/i.exec(raw.trim());
  if (!m || Number(m[2]) === 0) return null;
  return [m[1].toUpperCase(), m[2], m[3]?.toUpperCase()].filter(Boolean).join(" ");
}

function italian(raw: string): string | null {
  const d = digitsOf(raw).replace(/^IT/i, "");
  if (!/^\d{11}$/.test(d) || /^0{7}/.test(d)) return null;
  const office = Number(d.slice(7, 10));
  if (!((office >= 1 && office <= 100) || office === 120 || office === 121 || office === 888 || office === 999)) return null;
  return luhnValid(d) ? d : null;
}

function austrian(raw: string): string | null {
  const m = /^FN\s*(\d{1,6})\s*([a-z])$/i.exec(raw.trim());
  return m ? `FN ${m[1]}${m[2].toLowerCase()}` : null;
}

function belgian(raw: string): string | null {
  const d = digitsOf(raw).replace(/^BE/i, "");
  if (!/^[01]\d{9}$/.test(d)) return null;
  if (97 - (Number(d.slice(0, 8)) % 97) !== Number(d.slice(8))) return null;
  return `${d.slice(0, 4)}.${d.slice(4, 7)}.${d.slice(7)}`;
}

function luxembourgish(raw: string): string | null {
  const m = /^([AB])\s*(\d{1,6})$/i.exec(raw.trim());
  return m ? `${m[1].toUpperCase()}${m[2]}` : null;
}

const CHECKS: Record<RegisterCountry, (raw: string) => string | null> = {
  CH: swiss,
  FR: french,
  DE: german,
  IT: italian,
  AT: austrian,
  BE: belgian,
  LU: luxembourgish,
};

/** The number written the register's way, or null when it does not match the country's register. */
export function normaliseTradeRegister(country: RegisterCountry, raw: string): string | null {
  if (raw.length > 40) return null;
  return CHECKS[country](raw);
}
