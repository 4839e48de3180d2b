import { isEu } from "@/lib/accounts/countries";

/**
 * VAT rule table (VAT-3). The provider is Swiss; which VAT an invoice carries depends on the customer:
 *
 * | customer                                               | rule             | rate                    |
 * |--------------------------------------------------------|------------------|-------------------------|
 * | Switzerland or Liechtenstein (one VAT territory)       | `SWISS_VAT`      | Swiss standard 8.1 %    |
 * | EU business with a valid EU VAT number (VAT-1, VAT-2)  | `REVERSE_CHARGE` | 0 %, "reverse charge", the customer's VAT number on the invoice |
 * | anyone else in the EU (individuals, no valid number)   | `EU_DESTINATION` | the customer country's standard rate (EU_STANDARD_RATES_BP) |
 * | anywhere else                                          | `EXPORT`         | 0 % (services exported) |
 *
 * Rates are basis points (810 = 8.1 %). Changing a rate changes future invoices only: an invoice keeps the
 * rate it was issued with.
 */
export type VatRule = "SWISS_VAT" | "REVERSE_CHARGE" | "EU_DESTINATION" | "EXPORT";

export const SWISS_RATE_BP = 810;

/** EU standard VAT rates by member state, in basis points. */
export const EU_STANDARD_RATES_BP: Record<string, number> = {
  AT: 2000, BE: 2100, BG: 2000, HR: 2500, CY: 1900, CZ: 2100, DK: 2500, EE: 2400, FI: 2550, FR: 2000, DE: 1900, GR: 2400, HU: 2700, IE: 2300,
  IT: 2200, LV: 2100, LT: 2100, LU: 1700, MT: 1800, NL: 2100, PL: 2300, PT: 2300, RO: 2100, SK: 2300, SI: 2200, ES: 2100, SE: 2500,
};

export type VatCustomer = { country: string; vatNumber: string | null; vatNumberValid: boolean };

export function vatFor(customer: VatCustomer): { rule: VatRule; rateBp: number; reverseCharge: boolean } {
  if (customer.country === "CH" || customer.country === "LI") return { rule: "SWISS_VAT", rateBp: SWISS_RATE_BP, reverseCharge: false };
  if (isEu(customer.country)) {
    if (customer.vatNumber && customer.vatNumberValid) return { rule: "REVERSE_CHARGE", rateBp: 0, reverseCharge: true };
    return { rule: "EU_DESTINATION", rateBp: EU_STANDARD_RATES_BP[customer.country] ?? 0, reverseCharge: false };
  }
  return { rule: "EXPORT", rateBp: 0, reverseCharge: false };
}

/** VAT on a subtotal in minor units, rounded half up to the minor unit. */
export function vatAmount(subtotalMinor: number, rateBp: number): number {
  return Math.round((subtotalMinor * rateBp) / 10_000);
}
