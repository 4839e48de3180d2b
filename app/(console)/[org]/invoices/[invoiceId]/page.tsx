import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { MethodChoiceForm } from "@/components/billing/method-choice-form";
import { TransferDetails } from "@/components/billing/transfer-details";
import { DataTable } from "@/components/ui/data-table";
import { allows } from "@/lib/access/require-access";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { orNotFound } from "@/lib/http/or-not-found";
import { getInvoice, type InvoiceDetails } from "@/lib/invoices/get-invoice";
import { consoleContext } from "@/lib/orgs/console-context";
import { CHECKOUT_METHODS } from "@/lib/payments/types";
import { invoicePrepaid } from "@/lib/prepaid/invoice-prepaid";
import { payInvoiceAction } from "./actions";
import { PrepaidPayForm } from "./prepaid-pay-form";

export async function generateMetadata({ params }: { params: Promise<{ org: string; invoiceId: string }> }): Promise<Metadata> {
  const t = await getTranslations("billing");
  void params;
  return { title: t("invoicesTitle") };
}

type Snapshot = { name?: string; street?: string | null; postalCode?: string | null; city?: string | null; country?: string };

/** BIL-7 / VAT-3: one invoice with its lines, VAT, billing address and VAT number; unpaid, it can be paid here (BIL-5). */
export default async function InvoicePage({ params }: { params: Promise<{ org: string; invoiceId: string }> }) {
  const { org: orgId, invoiceId } = await params;
  const { actor, access } = await consoleContext(orgId, "billing.read");
  const [invoice, t, tPrepaid, format, locale] = await Promise.all([orNotFound(getInvoice(getDb(), actor, { orgId, invoiceId })), getTranslations("billing"), getTranslations("prepaid"), getFormatter(), getLocale()]);
  const money = (minor: number) => formatMoney(minor, invoice.currency, locale);
  const address = invoice.billingSnapshot as Snapshot;
  // BIL-5: a PostFinance card only for an Organization paying in CHF.
  const methods = CHECKOUT_METHODS.filter((m) => m !== "POSTFINANCE" || invoice.currency === "CHF");
  const payable = invoice.status === "UNPAID" && invoice.kind === "INVOICE" && allows(access, "billing.pay");
  // BIL-5: what the prepaid balance (or a transfer) already paid is not charged again; the balance may pay a part.
  const prepaid = invoice.status === "UNPAID" ? await invoicePrepaid(getDb(), actor, { orgId, invoiceId: invoice.id }) : null;
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/${orgId}/invoices`} className="text-brand-700 underline">
            {t("backToInvoices")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("invoiceTitle", { number: invoice.number })}</h1>
        <p className="text-sm" data-testid="invoice-status">
          {t(`statuses.${invoice.overdue ? "OVERDUE" : invoice.status}`)}
        </p>
        {/* A download, not a page: a plain link, never prefetched. */}
        <a href={`/${orgId}/invoices/${invoice.id}/pdf`} download className="text-sm text-brand-700 underline" data-testid="invoice-pdf">
          {t("downloadPdf")}
        </a>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium">{t("billedTo")}</dt>
          <dd className="whitespace-pre-line">{[address.name, address.street, [address.postalCode, address.city].filter(Boolean).join(" "), address.country].filter(Boolean).join("\n")}</dd>
        </div>
        <div>
          <dt className="font-medium">{t("vatNumber")}</dt>
          <dd>{invoice.vatNumber ?? t("none")}</dd>
        </div>
        <div>
          <dt className="font-medium">{t("columns.issued")}</dt>
          <dd>{format.dateTime(invoice.issuedAt, { dateStyle: "long" })}</dd>
        </div>
        <div>
          <dt className="font-medium">{t("columns.due")}</dt>
          <dd>{format.dateTime(invoice.dueAt, { dateStyle: "long" })}</dd>
        </div>
      </dl>
      <DataTable<InvoiceDetails["lines"][number]>
        caption={t("lines")}
        showCaption
        rows={invoice.lines}
        rowKey={(l) => l.id}
        empty={t("noLines")}
        columns={[
          { key: "description", label: t("columns.description"), rowHeader: true, cell: (l) => l.description },
          { key: "period", label: t("columns.period"), cell: (l) => (l.periodMonths ? t("months", { count: l.periodMonths }) : "") },
          { key: "quantity", label: t("columns.quantity"), className: "text-right", cell: (l) => l.quantity },
          { key: "amount", label: t("columns.amount"), className: "text-right", cell: (l) => money(l.amountMinor) },
        ]}
      />
      <dl className="ml-auto w-full max-w-xs space-y-1 text-sm">
        <div className="flex justify-between">
          <dt>{t("subtotal")}</dt>
          <dd>{money(invoice.subtotalMinor)}</dd>
        </div>
        <div className="flex justify-between">
          <dt>{invoice.reverseCharge ? t("reverseCharge") : t("vat", { rate: format.number(invoice.vatRateBp / 10_000, { style: "percent", maximumFractionDigits: 2 }) })}</dt>
          <dd>{money(invoice.vatMinor)}</dd>
        </div>
        <div className="flex justify-between font-semibold">
          <dt>{t("total")}</dt>
          <dd data-testid="invoice-total">{money(invoice.totalMinor)}</dd>
        </div>
        {prepaid && prepaid.paidMinor > 0 ? (
          <>
            <div className="flex justify-between">
              <dt>{tPrepaid("alreadyPaid")}</dt>
              <dd>{money(prepaid.paidMinor)}</dd>
            </div>
            <div className="flex justify-between font-semibold">
              <dt>{tPrepaid("remainingDue")}</dt>
              <dd data-testid="invoice-remaining">{money(prepaid.dueMinor)}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {invoice.kind === "PROFORMA" && invoice.status === "UNPAID" ? <TransferDetails number={invoice.number} currency={invoice.currency} amount={money(invoice.totalMinor)} note={invoice.prepaidTopUp ? tPrepaid("topUpProformaNote") : null} /> : null}
      {/* BIL-5: an order's pro-forma may give way to an invoice paid by card, from the order's page. */}
      {invoice.kind === "PROFORMA" && invoice.status === "UNPAID" && invoice.orderId && allows(access, "billing.pay") ? (
        <p className="text-sm">
          <Link href={`/${orgId}/orders/${invoice.orderId}`} className="text-brand-700 underline" data-testid="invoice-order-by-card">
            {t("payOrderByCard")}
          </Link>
        </p>
      ) : null}
      {payable ? (
        <section aria-labelledby="pay-heading" className="rounded border border-slate-200 p-4">
          <h2 id="pay-heading" className="mb-2 text-lg font-semibold">
            {t("payHeading")}
          </h2>
          {prepaid && prepaid.coverMinor > 0 ? (
            <div className="mb-4 space-y-2 border-b border-slate-200 pb-4" data-testid="invoice-prepaid">
              <p className="text-sm">
                {tPrepaid("balanceOnInvoice", { balance: money(prepaid.balanceMinor) })}{" "}
                {prepaid.coverMinor < prepaid.dueMinor ? tPrepaid("coversPart", { amount: money(prepaid.coverMinor), rest: money(prepaid.dueMinor - prepaid.coverMinor) }) : tPrepaid("coversAll")}
              </p>
              <PrepaidPayForm orgId={orgId} invoiceId={invoice.id} idempotencyKey={randomUUID()} label={tPrepaid("payFromPrepaid", { amount: money(prepaid.coverMinor) })} />
            </div>
          ) : null}
          <MethodChoiceForm
            action={payInvoiceAction}
            orgId={orgId}
            hidden={{ name: "invoiceId", value: invoice.id }}
            methods={methods}
            idempotencyKey={randomUUID()}
            submitLabel={t("pay")}
            idPrefix="pay"
          />
          <p className="mt-3 text-sm text-slate-700">{t("transferHelp", { qr: invoice.currency === "CHF" ? "yes" : "no" })}</p>
        </section>
      ) : null}
    </div>
  );
}
