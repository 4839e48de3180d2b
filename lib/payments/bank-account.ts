/**
 * The provider's bank account for IBAN transfers (BIL-5): printed on pro-forma and unpaid invoices, with a
 * Swiss QR-bill for CHF. `PROVIDER_IBAN` replaces the demo account; bank fees are the customer's.
 */
export function providerBankAccount() {
  return {
    name: process.env.PROVIDER_NAME ?? "Manager",
    iban: (process.env.PROVIDER_IBAN ?? "CH9300762011623852957").replace(/\s/g, ""),
    address: "Rue du Rhône 1",
    zip: "1204",
    city: "Genève",
    country: "CH",
    bank: "Banque cantonale (demo)",
  };
}

/** The IBAN in groups of four, as people copy it. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, "$1 ");
}
