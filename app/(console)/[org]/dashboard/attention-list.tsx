import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { shownCount } from "@/lib/orgs/capped-count";
import type { AttentionItem } from "@/lib/orgs/dashboard-attention";

/** Where each item is handled. */
function hrefOf(orgId: string, item: AttentionItem): string {
  switch (item.kind) {
    case "overdueInvoices":
      return item.invoiceId ? `/${orgId}/invoices/${item.invoiceId}` : `/${orgId}/invoices?status=OVERDUE`;
    case "suspendedProducts":
      return `/${orgId}/products?status=BLOCKED`;
    case "blockedOrder":
      return `/${orgId}/orders/${item.orderId}`;
    case "twoFactorOff":
    case "backupCodesLow":
      return "/account/security";
    case "legalRepresentativeTwoFactorOff":
      return `/${orgId}/users/${item.membershipId}`;
    case "tokensExpiring":
      return item.whose === "organization" ? `/${orgId}/api-tokens` : "/account/api-tokens";
  }
}

/** The dashboard's "needs attention first" list: one sentence per item, each a link to where it is handled. */
export async function AttentionList({ orgId, items }: { orgId: string; items: AttentionItem[] }) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const text = (item: AttentionItem): string => {
    switch (item.kind) {
      case "overdueInvoices":
        return t("attention.overdueInvoices", { count: item.count, shown: shownCount(item.count) });
      case "suspendedProducts":
        return t("attention.suspendedProducts", { count: item.count, shown: shownCount(item.count) });
      case "blockedOrder":
        return t("attention.blockedOrder", { number: item.number, date: date(item.cancelAt) });
      case "twoFactorOff":
        return t("attention.twoFactorOff");
      case "legalRepresentativeTwoFactorOff":
        return t("attention.legalRepresentativeTwoFactorOff", { name: item.name });
      case "backupCodesLow":
        return t("attention.backupCodesLow", { left: item.left });
      case "tokensExpiring":
        return t(item.whose === "organization" ? "attention.tokensExpiringOrganization" : "attention.tokensExpiringOwn", {
          count: item.count,
          shown: shownCount(item.count),
          date: date(item.soonest),
        });
    }
  };
  return (
    <section aria-labelledby="dashboard-attention" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="attention">
      <h2 id="dashboard-attention" className="text-base font-semibold">
        {t("attentionTitle")}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("attentionNone")}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {items.map((item, i) => (
            <li key={`${item.kind}-${i}`} data-testid="attention-item" data-kind={item.kind}>
              <Link href={hrefOf(orgId, item)} className="block rounded border border-red-200 bg-red-50 px-3 py-2 text-sm font-medium text-red-900 underline-offset-2 hover:underline">
                {text(item)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
