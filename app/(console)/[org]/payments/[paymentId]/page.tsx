import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { orNotFound } from "@/lib/http/or-not-found";
import { blockedOrderCancelsAt } from "@/lib/orders/rules";
import { consoleContext } from "@/lib/orgs/console-context";
import { getPayment } from "@/lib/payments/get-payment";
import { PAYMENT_FAILURES } from "@/lib/payments/types";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("billing"))("paymentTitle") };
}

/**
 * Where the payment operator sends the customer back. It only shows the status the operator's signed
 * notification recorded: coming back here proves nothing and changes nothing.
 */
export default async function PaymentPage({ params }: { params: Promise<{ org: string; paymentId: string }> }) {
  const { org: orgId, paymentId } = await params;
  const { actor } = await consoleContext(orgId, "billing.read");
  const [payment, t, tPrepaid, locale, format] = await Promise.all([orNotFound(getPayment(getDb(), actor, { orgId, paymentId })), getTranslations("billing"), getTranslations("prepaid"), getLocale(), getFormatter()]);
  const amount = formatMoney(payment.amountMinor, payment.currency, locale);
  const failure = (PAYMENT_FAILURES as readonly string[]).includes(payment.failureCode ?? "") ? payment.failureCode! : "DECLINED";
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("paymentTitle")}</h1>
      <div role="status" data-testid="payment-status">
        {payment.status === "SUCCEEDED" && !payment.held ? <Alert tone="success">{t("paymentSucceeded", { amount })}</Alert> : null}
        {/* IDV-4: the operator held the payment as suspicious; the order waits for an identity check. */}
        {payment.held && payment.order ? (
          <Alert tone="info">
            {t("paymentHeld", {
              amount,
              order: payment.order.number,
              date: format.dateTime(blockedOrderCancelsAt(payment.order.blockedAt ?? payment.createdAt), { dateStyle: "long" }),
            })}
          </Alert>
        ) : null}
        {payment.status === "FAILED" ? <Alert tone="error">{t("paymentFailed", { reason: t(`failures.${failure}`) })}</Alert> : null}
        {payment.status === "PENDING" ? <Alert tone="info">{t("paymentPending")}</Alert> : null}
        {payment.status === "REFUNDED" && !payment.cancelledOrder ? <Alert tone="info">{t("paymentRefunded", { amount })}</Alert> : null}
        {/* BIL-5: the operator is asked by the payment-refunds job; REFUNDED once it accepted. */}
        {payment.status === "REFUND_DUE" ? <Alert tone="info">{t("paymentRefundDue", { amount })}</Alert> : null}
        {payment.cancelledOrder && payment.order ? <Alert tone="info">{t("paymentRefundedCancelledOrder", { amount, order: payment.order.number })}</Alert> : null}
      </div>
      {payment.method ? <p className="text-sm">{t("paidWith", { method: payment.method.label })}</p> : null}
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {payment.status === "PENDING" ? (
          <Link href={`/${orgId}/payments/${payment.id}`} className="text-brand-700 underline">
            {t("refresh")}
          </Link>
        ) : null}
        {payment.held && payment.order ? (
          <Link href={`/${orgId}/orders/${payment.order.id}`} className="text-brand-700 underline">
            {t("openHeldOrder", { order: payment.order.number })}
          </Link>
        ) : null}
        {payment.invoice ? (
          <Link href={`/${orgId}/invoices/${payment.invoice.id}`} className="text-brand-700 underline">
            {t("backToInvoice", { number: payment.invoice.number })}
          </Link>
        ) : null}
        {/* A payment for no invoice and no order is a top-up of the prepaid account (BIL-6). */}
        {!payment.invoice && !payment.orderId ? (
          <Link href={`/${orgId}/payments/prepaid`} className="text-brand-700 underline">
            {tPrepaid("backToAccount")}
          </Link>
        ) : null}
      </p>
    </div>
  );
}
