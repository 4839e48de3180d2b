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
import { getOrder, type OrderDetails } from "@/lib/orders/get-order";
import { blockedOrderCancelsAt } from "@/lib/orders/rules";
import { consoleContext } from "@/lib/orgs/console-context";
import { CHECKOUT_METHODS } from "@/lib/payments/types";
import { payOrderAction } from "../actions";
import { SwitchToInvoiceForm } from "./switch-to-invoice-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("orders"))("title") };
}

/**
 * BIL-4: one order — lines, total, status, its invoice — and, while pending, "Pay the order". BIL-5: an order
 * chosen to be paid by IBAN shows its pro-forma (bank details, PDF) and offers "pay by card instead".
 */
export default async function OrderPage({ params }: { params: Promise<{ org: string; orderId: string }> }) {
  const { org: orgId, orderId } = await params;
  const { actor, access } = await consoleContext(orgId, "billing.read");
  const [order, t, format, locale] = await Promise.all([orNotFound(getOrder(getDb(), actor, { orgId, orderId }), "INVALID_INPUT"), getTranslations("orders"), getFormatter(), getLocale()]);
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  // BIL-5: a PostFinance card only for an Organization paying in CHF.
  const methods = CHECKOUT_METHODS.filter((m) => m !== "POSTFINANCE" || order.currency === "CHF");
  const payable = order.status === "PENDING" && order.invoice?.status === "UNPAID" && allows(access, "billing.pay");
  // BIL-5: chosen to be paid by IBAN — the pro-forma's bank details, and "pay by card instead" for who pays.
  const waitsForTransfer = order.status === "PENDING" && order.proforma?.status === "UNPAID";
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/${orgId}/orders`} className="text-brand-700 underline">
            {t("backToOrders")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("orderTitle", { number: order.number })}</h1>
        <p className="text-sm" data-testid="order-status">
          {t(`statuses.${order.status}`)}
        </p>
      </div>
      {order.status === "BLOCKED" && order.blockedAt ? (
        <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{t("blockedHelp", { date: format.dateTime(blockedOrderCancelsAt(order.blockedAt), { dateStyle: "long" }) })}</p>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium">{t("columns.created")}</dt>
          <dd>{format.dateTime(order.createdAt, { dateStyle: "long" })}</dd>
        </div>
        <div>
          <dt className="font-medium">{t("invoice")}</dt>
          <dd>
            {order.invoice ? (
              <Link href={`/${orgId}/invoices/${order.invoice.id}`} className="text-brand-700 underline" data-testid="order-invoice">
                {order.invoice.number}
              </Link>
            ) : order.proforma ? (
              <>
                <Link href={`/${orgId}/invoices/${order.proforma.id}`} className="text-brand-700 underline" data-testid="order-proforma">
                  {t("proformaLabel", { number: order.proforma.number })}
                </Link>{" "}
                {/* A download, not a page: a plain link, never prefetched. */}
                <a href={`/${orgId}/invoices/${order.proforma.id}/pdf`} download className="text-brand-700 underline" data-testid="order-proforma-pdf">
                  {t("downloadProforma")}
                </a>
              </>
            ) : (
              t("noInvoice")
            )}
          </dd>
        </div>
      </dl>
      <DataTable<OrderDetails["lines"][number]>
        caption={t("lines")}
        showCaption
        rows={order.lines}
        rowKey={(l) => l.id}
        empty={t("noLines")}
        columns={[
          { key: "description", label: t("columns.description"), rowHeader: true, cell: (l) => l.description },
          { key: "period", label: t("columns.period"), cell: (l) => (l.periodMonths ? t("months", { count: l.periodMonths }) : "") },
          { key: "amount", label: t("columns.amount"), className: "text-right", cell: (l) => money(l.amountMinor) },
        ]}
      />
      <dl className="ml-auto w-full max-w-xs space-y-1 text-sm">
        <div className="flex justify-between font-semibold">
          <dt>{t("totalWithVat")}</dt>
          <dd data-testid="order-total">{money(order.totalMinor)}</dd>
        </div>
      </dl>
      {order.replacedProforma && order.invoice ? (
        <p className="text-sm text-slate-700" data-testid="order-replaced-proforma">
          {t("replacedProforma", { proforma: order.replacedProforma.number, invoice: order.invoice.number })}
        </p>
      ) : null}
      {waitsForTransfer && order.proforma ? <TransferDetails number={order.proforma.number} currency={order.currency} amount={money(order.proforma.totalMinor)} /> : null}
      {waitsForTransfer && order.proforma && allows(access, "billing.pay") ? <SwitchToInvoiceForm orgId={orgId} orderId={order.id} proforma={order.proforma.number} /> : null}
      {payable ? (
        <section aria-labelledby="pay-order-heading" className="rounded border border-slate-200 p-4">
          <h2 id="pay-order-heading" className="mb-2 text-lg font-semibold">
            {t("payHeading")}
          </h2>
          <MethodChoiceForm action={payOrderAction} orgId={orgId} hidden={{ name: "orderId", value: order.id }} methods={methods} idempotencyKey={randomUUID()} submitLabel={t("pay")} idPrefix="pay-order" />
        </section>
      ) : null}
    </div>
  );
}
