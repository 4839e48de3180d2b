import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/format/money";
import type { ForecastMonth } from "@/lib/renewals/renewal-forecast";

/**
 * The 12-month renewal forecast as a bar chart drawn with CSS (no chart library), with the same figures
 * as a table: the bars are hidden from screen readers, who read the table instead.
 */
export async function ForecastChart({ currency, months }: { currency: string; months: ForecastMonth[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("renewals"), getFormatter(), getLocale()]);
  const max = Math.max(1, ...months.map((m) => m.amountMinor));
  const label = (month: string) => format.dateTime(new Date(`${month}-01T00:00:00Z`), { month: "short", year: "2-digit", timeZone: "UTC" });
  const money = (minor: number) => formatMoney(minor, currency, locale);
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="forecast-heading">
      <h2 id="forecast-heading" className="text-lg font-semibold">
        {t("forecastHeading")}
      </h2>
      <p className="text-sm text-slate-600">{t("forecastIntro")}</p>
      <div aria-hidden="true" className="flex h-40 items-end gap-1" data-testid="forecast-bars">
        {months.map((m) => (
          <div key={m.month} className="flex h-full flex-1 flex-col justify-end" title={t("forecastBar", { month: label(m.month), amount: money(m.amountMinor) })}>
            <div className="rounded-t bg-brand-600" style={{ height: `${(m.amountMinor / max) * 100}%`, minHeight: m.amountMinor ? "2px" : 0 }} />
            <span className="mt-1 text-center text-xs text-slate-600">{label(m.month)}</span>
          </div>
        ))}
      </div>
      <details>
        <summary className="cursor-pointer text-sm text-brand-700">{t("forecastTable")}</summary>
        <table className="mt-2 text-sm" data-testid="forecast-table">
          <caption className="sr-only">{t("forecastHeading")}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-3 py-1 text-left">{t("forecastMonth")}</th>
              <th scope="col" className="px-3 py-1 text-right">{t("forecastAmount")}</th>
              <th scope="col" className="px-3 py-1 text-right">{t("forecastCount")}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row" className="px-3 py-1 text-left font-normal">{label(m.month)}</th>
                <td className="px-3 py-1 text-right">{money(m.amountMinor)}</td>
                <td className="px-3 py-1 text-right">{m.renewals}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
