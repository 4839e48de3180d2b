import { getFormatter, getLocale } from "next-intl/server";
import { formatMoney } from "@/lib/format/money";
import type { CashbackEntry } from "@/lib/partners/list-cashback-page";

export type CashbackTableLabels = { caption: string; client: string; invoice: string; amount: string; date: string };

/**
 * PRT-5: cashback ledger entries (client, invoice, amount, date), newest first — the latest ones on the
 * reseller dashboard and the whole ledger on its own page.
 */
export async function CashbackTable({ entries, labels, rowTestId }: { entries: CashbackEntry[]; labels: CashbackTableLabels; rowTestId?: string }) {
  const [format, locale] = await Promise.all([getFormatter(), getLocale()]);
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{labels.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labels.client}</th>
          <th scope="col">{labels.invoice}</th>
          <th scope="col">{labels.amount}</th>
          <th scope="col">{labels.date}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-testid={rowTestId}>
            <td>{e.clientName}</td>
            <td>{e.invoiceNumber}</td>
            <td>{formatMoney(e.amountMinor, e.currency, locale)}</td>
            <td>{format.dateTime(e.createdAt, { dateStyle: "medium" })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
