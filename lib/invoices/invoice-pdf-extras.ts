import { SwissQRBill } from "swissqrbill/pdf";
import { createTranslator } from "use-intl/core";
import type { AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { formatIban, providerBankAccount } from "@/lib/payments/bank-account";
import type { InvoiceDetails } from "./get-invoice";
import { renderInvoicePdf } from "./invoice-pdf";

type Snapshot = { name?: string; street?: string | null; postalCode?: string | null; city?: string | null; country?: string };

/**
 * The invoice PDF, and for one still to be paid the bank details of an IBAN transfer (BIL-5): in CHF as
 * a Swiss QR-bill (swissqrbill) the customer's banking app reads, with the invoice number as message.
 */
export async function invoicePdfWithExtras(invoice: InvoiceDetails, locale: AppLocale): Promise<Buffer> {
  if (invoice.status !== "UNPAID") return renderInvoicePdf(invoice, locale);
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "billing" });
  const bank = providerBankAccount();
  const a = invoice.billingSnapshot as Snapshot;
  return renderInvoicePdf(invoice, locale, (doc) => {
    doc.moveDown().font("Helvetica-Bold").text(t("bankTransfer"), 50);
    doc.font("Helvetica").text(`${t("bankBeneficiary")}: ${bank.name}, ${bank.address}, ${bank.zip} ${bank.city}`);
    doc.text(`IBAN: ${formatIban(bank.iban)}`);
    doc.text(`${t("bankReference")}: ${invoice.number}`);
    doc.text(t("bankFees"));
    if (invoice.currency !== "CHF") return;
    const debtor = a.name && a.street && a.postalCode && a.city && a.country ? { name: a.name.slice(0, 70), address: a.street.slice(0, 70), zip: a.postalCode, city: a.city.slice(0, 35), country: a.country } : undefined;
    const bill = new SwissQRBill(
      {
        currency: "CHF",
        amount: invoice.totalMinor / 100,
        creditor: { name: bank.name, address: bank.address, zip: bank.zip, city: bank.city, country: bank.country, account: bank.iban },
        ...(debtor ? { debtor } : {}),
        message: invoice.number,
      },
      { language: locale === "en" ? "EN" : locale === "fr" ? "FR" : locale === "de" ? "DE" : "IT" },
    );
    bill.attachTo(doc);
  });
}
