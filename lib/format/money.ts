/**
 * Formats integer minor units in the given currency for the user's language: Swiss conventions for CHF
 * (1'234.56), the language's own for EUR (1 234,56 € in French).
 */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const tag = currency === "CHF" ? `${locale}-CH` : locale === "en" ? "en-IE" : locale;
  return new Intl.NumberFormat(tag, { style: "currency", currency }).format(minor / 100);
}
