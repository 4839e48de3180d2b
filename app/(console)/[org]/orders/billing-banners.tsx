import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { Actor } from "@/lib/access/actor";
import { getDb } from "@/lib/db";
import { getBillingNotices } from "@/lib/orders/billing-notices";
import { ResendProcedureButton } from "./resend-procedure-button";

/**
 * The console's red banners: a blocked order with "resend the procedure" (IDV-4), and products suspended
 * for an unpaid invoice with the way to pay it (BIL-1). Nothing is drawn when all is well.
 */
export async function BillingBanners({ orgId, actor }: { orgId: string; actor: Actor }) {
  const notices = await getBillingNotices(getDb(), actor, orgId);
  if (notices.blockedOrders.length === 0 && notices.suspendedProducts === 0) return null;
  const [t, format] = await Promise.all([getTranslations("orders"), getFormatter()]);
  return (
    <div className="space-y-px">
      {notices.blockedOrders.map((o) => (
        <section key={o.id} aria-label={`${t("banner.blockedLabel")} ${o.number}`} className="border-b border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900" data-testid="blocked-order-banner">
          <p className="inline">
            {t.rich("banner.blocked", {
              order: () => (
                <Link href={`/${orgId}/orders/${o.id}`} className="font-semibold underline">
                  {o.number}
                </Link>
              ),
              date: format.dateTime(o.cancelAt, { dateStyle: "long" }),
            })}
          </p>{" "}
          {notices.canResend ? <ResendProcedureButton orgId={orgId} orderId={o.id} label={t("banner.resend")} sentLabel={t("banner.resent")} /> : null}
        </section>
      ))}
      {notices.suspendedProducts > 0 ? (
        <section aria-label={t("banner.suspendedLabel")} className="border-b border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900" data-testid="suspended-banner">
          {t("banner.suspended", { count: notices.suspendedProducts })}{" "}
          {notices.unpaidInvoices.map((i) => (
            <Link key={i.id} href={`/${orgId}/invoices/${i.id}`} className="mr-2 font-semibold underline">
              {t("banner.payInvoice", { number: i.number })}
            </Link>
          ))}
        </section>
      ) : null}
    </div>
  );
}
