/** Formats integer minor units in the given currency for the user's language. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale === "en" ? "en-CH" : `${locale}-CH`, { style: "currency", currency }).format(minor / 100);
}
