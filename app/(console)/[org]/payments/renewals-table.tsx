"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { cachedMessage, fillMessage, formatDate } from "@/components/intl/row-messages";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { MenuButton } from "@/components/ui/menu-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { useSelection } from "@/components/ui/use-selection";
import { formatMoney } from "@/lib/format/money";
import type { RenewalItem } from "@/lib/payments/list-renewals";
import { payRenewalsAction } from "./actions";

type Props = {
  orgId: string;
  items: RenewalItem[];
  /** Products the member sees but may not renew (READ grants, SEC-5): not selectable. */
  readOnlyIds: string[];
  /** Whether the reader chooses how the selection is paid; a partner whose client pays orders without (PRT-5). */
  canPay: boolean;
  /** The partner invoiced for what is ordered here (PRT-5); without `canPay`, its billing people pay the order (PRT-9). */
  payerName: string | null;
  /** Whether the reader may open the renewal settings (auto-renewal): who reads the billing. */
  canManageRenewals: boolean;
  currency: string;
  methods: string[];
  idempotencyKey: string;
  empty: string;
};

/**
 * BIL-2 / BIL-3: the products to renew with their selection boxes, each line's period (what its category
 * allows) and a ⋮ menu; the selection is paid as one order through the payment operator's page — or, for a
 * partner whose client pays, ordered for the client to pay (PRT-5).
 */
export function RenewalsTable({ orgId, items, readOnlyIds, canPay, payerName, canManageRenewals, currency, methods, idempotencyKey, empty }: Props) {
  const t = useTranslations("payments");
  const tBilling = useTranslations("billing");
  const tCategories = useTranslations("categories");
  const locale = useLocale();
  const timeZone = useTimeZone();
  const { selected, setSelected } = useSelection();
  const [periods, setPeriods] = useState<Record<string, number>>({});
  const { state, formAction, onSubmit, pending, fieldErrors: fe } = useFormAction(payRenewalsAction);
  const readOnly = new Set(readOnlyIds);
  const chosen = items.filter((i) => selected.has(i.id) && !readOnly.has(i.id));
  const periodOf = (p: RenewalItem) => periods[p.id] ?? p.periods[0]!;
  const amountOf = (p: RenewalItem) => p.priceMinor * Math.max(1, Math.round(periodOf(p) / Math.max(1, p.renewalPeriodMonths)));
  const subtotal = chosen.reduce((sum, p) => sum + amountOf(p), 0);
  const periodLabel = (months: number) => (months % 12 === 0 ? cachedMessage(t, locale, "years", { count: months / 12 }) : cachedMessage(t, locale, "months", { count: months }));
  const periodError = (p: RenewalItem) => {
    const i = chosen.findIndex((c) => c.id === p.id);
    return i >= 0 ? fe[`months.${i}`] : undefined;
  };
  const formError = state && !state.ok && !fe.method ? (fe.productIds ?? state.message) : null;

  return (
    <div className="space-y-4">
      <DataTable
        caption={t("caption")}
        rows={items}
        rowKey={(p) => p.id}
        rowTestId="renewal-row"
        empty={empty}
        selection={{
          selected,
          onChange: setSelected,
          selectable: (p) => !readOnly.has(p.id),
          allLabel: t("selectAll"),
          rowLabel: (p) => fillMessage(t, locale, "select", { name: p.name }),
        }}
        columns={[
          {
            key: "name",
            label: t("columns.product"),
            rowHeader: true,
            cell: (p) => (
              <>
                {p.name}
                {readOnly.has(p.id) ? <span className="ml-2 text-xs font-normal text-slate-500">{t("readOnly")}</span> : null}
              </>
            ),
          },
          { key: "category", label: t("columns.category"), cell: (p) => tCategories(p.category as "domain") },
          {
            key: "expiry",
            label: t("columns.expiry"),
            className: "whitespace-nowrap",
            testId: "renewal-expiry",
            cell: (p) => (
              <>
                {formatDate(p.expiresAt, locale, timeZone)}
                {p.status === "BLOCKED" ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{t("blocked")}</span> : null}
              </>
            ),
          },
          {
            key: "period",
            label: t("columns.period"),
            cell: (p) => {
              if (p.periods.length === 1 || readOnly.has(p.id)) return periodLabel(p.periods[0]!);
              const error = periodError(p);
              return (
                <>
                  <select
                    aria-label={fillMessage(t, locale, "periodLabel", { name: p.name })}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `period-error-${p.id}` : undefined}
                    value={periodOf(p)}
                    onChange={(e) => setPeriods((prev) => ({ ...prev, [p.id]: Number(e.target.value) }))}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                  >
                    {p.periods.map((m) => (
                      <option key={m} value={m}>
                        {periodLabel(m)}
                      </option>
                    ))}
                  </select>
                  {error ? (
                    <p id={`period-error-${p.id}`} className="mt-1 text-xs text-red-700">
                      {error}
                    </p>
                  ) : null}
                </>
              );
            },
          },
          { key: "amount", label: t("columns.amount"), className: "text-right whitespace-nowrap", cell: (p) => formatMoney(amountOf(p), currency, locale) },
          { key: "autoRenew", label: t("columns.autoRenew"), cell: (p) => (p.autoRenew ? t("yes") : t("no")) },
          // The ⋮ menu leads to the renewal settings, which only billing readers open.
          ...(canManageRenewals
            ? [
                {
                  key: "actions",
                  label: t("columns.actions"),
                  hiddenLabel: true,
                  cell: (p: RenewalItem) => (
                    <MenuButton
                      label={fillMessage(t, locale, "rowMenu", { name: p.name })}
                      items={[{ label: p.autoRenew ? t("autoRenewOff") : t("autoRenewOn"), href: `/${orgId}/payments/renewals?product=${encodeURIComponent(p.id)}` }]}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {items.length > 0 ? (
        <form action={formAction} onSubmit={onSubmit} noValidate aria-labelledby="pay-selection-heading" className="space-y-3 rounded border border-slate-200 p-4">
          <h2 id="pay-selection-heading" className="text-lg font-semibold">
            {canPay ? t("payHeading") : t("orderSelection")}
          </h2>
          <input type="hidden" name="orgId" value={orgId} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          {chosen.map((p) => (
            <span key={p.id} hidden>
              <input type="hidden" name="productIds" value={p.id} />
              <input type="hidden" name="months" value={periodOf(p)} />
            </span>
          ))}
          <p className="text-sm" role="status" data-testid="selection-summary">
            {t("selection", { count: chosen.length, amount: formatMoney(subtotal, currency, locale) })}
          </p>
          {canPay ? (
            <fieldset aria-describedby={fe.method ? "renewal-method-error" : undefined}>
              <legend className="text-sm font-medium">{tBilling("chooseMethod")}</legend>
              <div className="mt-2 flex flex-wrap gap-4">
                {methods.map((m, i) => (
                  <label key={m} className="flex items-center gap-2 text-sm">
                    <input type="radio" name="method" value={m} defaultChecked={i === 0} />
                    {m === "IBAN" ? t("methodIban") : tBilling(`methods.${m}` as "methods.CARD")}
                  </label>
                ))}
              </div>
              {fe.method ? (
                <p id="renewal-method-error" className="mt-1 text-sm text-red-700">
                  {fe.method}
                </p>
              ) : null}
            </fieldset>
          ) : (
            <p className="text-sm text-slate-600">{payerName ? t("orderForPartnerHelp", { partner: payerName }) : t("orderForClientHelp")}</p>
          )}
          <Button type="submit" disabled={pending || chosen.length === 0}>
            {pending ? tBilling("redirecting") : canPay ? t("paySelection") : t("orderSelection")}
          </Button>
          {formError ? <Alert tone="error">{formError}</Alert> : null}
        </form>
      ) : null}
    </div>
  );
}
