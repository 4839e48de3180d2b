import { getTranslations } from "next-intl/server";
import { formatIban, providerBankAccount } from "@/lib/payments/bank-account";

/**
 * BIL-5 / BIL-6: how to pay a pro-forma — the provider's account and the reference the transfer carries
 * (the PDF adds the QR-bill in CHF). Shown on the pro-forma's page and on the page of the order it pays.
 */
export async function TransferDetails({ number, currency, amount, note }: { number: string; currency: string; amount: string; note?: string | null }) {
  const t = await getTranslations("billing");
  const bank = providerBankAccount();
  return (
    <section aria-labelledby="transfer-heading" className="rounded border border-slate-200 p-4" data-testid="invoice-transfer">
      <h2 id="transfer-heading" className="mb-2 text-lg font-semibold">
        {t("bankTransfer")}
      </h2>
      <p className="mb-2 text-sm">{t("proformaTransferHelp", { amount, qr: currency === "CHF" ? "yes" : "no" })}</p>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">{t("bankBeneficiary")}</dt>
        <dd>{`${bank.name}, ${bank.address}, ${bank.zip} ${bank.city}`}</dd>
        <dt className="font-medium">IBAN</dt>
        <dd data-testid="transfer-iban">{formatIban(bank.iban)}</dd>
        <dt className="font-medium">{t("bankReference")}</dt>
        <dd data-testid="transfer-reference">{number}</dd>
      </dl>
      <p className="mt-2 text-sm text-slate-700">{note ?? t("bankFees")}</p>
    </section>
  );
}
