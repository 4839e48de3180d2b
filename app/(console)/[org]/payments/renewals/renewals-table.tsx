"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import type { RenewalRow } from "@/lib/renewals/list-renewals";
import { setAutoRenewalAction } from "./actions";

type Props = {
  orgId: string;
  items: RenewalRow[];
  methods: { id: string; label: string }[];
  canChange: boolean;
  preselected: string | null;
};

/**
 * BIL-8 / BIL-9 "Manage renewals": the products with their automatic renewal, row selection and the bulk
 * on / off. The answer lists, per product, what was done or why it was refused, in a live region.
 */
export function RenewalsTable({ orgId, items, methods, canChange, preselected }: Props) {
  const t = useTranslations("renewals");
  const tRoot = useTranslations();
  const format = useFormatter();
  const [selected, setSelected] = useState<Set<string>>(() => new Set(preselected ? [preselected] : []));
  const [state, formAction, pending] = useActionState(setAutoRenewalAction, null);
  const chosen = items.filter((i) => selected.has(i.id) && !i.readOnly).map((i) => i.id);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const results = state?.ok ? (state.data?.results ?? []) : [];
  const done = results.filter((r) => r.outcome === "ENABLED" || r.outcome === "DISABLED").length;
  const refused = results.filter((r) => r.outcome === "REFUSED").length;

  return (
    <div className="space-y-3">
      {canChange ? (
        <form action={formAction} className="flex flex-wrap items-end gap-3" aria-label={t("bulkLabel")} data-testid="renewals-bulk">
          <input type="hidden" name="orgId" value={orgId} />
          {chosen.map((id) => (
            <input key={id} type="hidden" name="productIds" value={id} />
          ))}
          <p className="text-sm text-slate-700" aria-live="polite">
            {t("selected", { count: chosen.length })}
          </p>
          {methods.length > 1 ? (
            <div>
              <label htmlFor="renew-method" className="block text-sm font-medium text-slate-700">
                {t("method")}
              </label>
              <select id="renew-method" name="methodId" className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
                {methods.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <Button type="submit" name="enabled" value="true" disabled={chosen.length === 0 || pending}>
            {pending ? t("working") : t("turnOn")}
          </Button>
          <Button type="submit" name="enabled" value="false" variant="secondary" disabled={chosen.length === 0 || pending}>
            {t("turnOff")}
          </Button>
        </form>
      ) : null}

      <div aria-live="polite" data-testid="renewals-result">
        {state && !state.ok ? <Alert tone="error">{state.message}</Alert> : null}
        {state?.ok ? (
          <Alert tone={refused ? "info" : "success"}>
            <p className="font-medium">{t("summary", { done, refused })}</p>
            <ul className="mt-1 list-disc pl-5">
              {results.map((r) => (
                <li key={r.productId} data-testid="renewal-outcome" data-outcome={r.outcome}>
                  {r.outcome === "REFUSED" && r.reason ? t(`reasons.${r.reason}`, { name: r.name }) : t(`outcomes.${r.outcome as "ENABLED"}`, { name: r.name })}
                  {r.reason === "NO_METHOD" ? (
                    <>
                      {" "}
                      <Link href={`/${orgId}/invoices`} className="text-brand-700 underline">
                        {t("payByCard")}
                      </Link>
                    </>
                  ) : null}
                  {r.reason === "EXPIRES_SOON" ? (
                    <>
                      {" "}
                      <Link href={`/${orgId}/payments?product=${encodeURIComponent(r.productId)}`} className="text-brand-700 underline">
                        {t("renewNow")}
                      </Link>
                    </>
                  ) : null}
                  {r.cardExpires ? <> {t("resultCardExpires", { name: r.name })}</> : null}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
      </div>

      <DataTable
        caption={t("caption")}
        rows={items}
        rowKey={(p) => p.id}
        rowTestId="renewal-row"
        empty={t("empty")}
        selection={
          canChange
            ? {
                selected,
                onChange: setSelected,
                selectable: (p) => !p.readOnly,
                allLabel: t("selectAll"),
                rowLabel: (p) => t("select", { name: p.name }),
              }
            : undefined
        }
        columns={[
          {
            key: "name",
            label: t("columns.product"),
            rowHeader: true,
            className: "font-medium",
            cell: (p) => (
              <>
                <Link href={`/${orgId}/products/${p.id}`} className="text-brand-700 hover:underline">
                  {p.name}
                </Link>
                {p.readOnly ? <span className="ml-2 text-xs font-normal text-slate-500">{t("readOnly")}</span> : null}
              </>
            ),
          },
          { key: "category", label: t("columns.category"), cell: (p) => tRoot(`categories.${p.category}` as "categories.domain") },
          { key: "expiry", label: t("columns.expiry"), className: "whitespace-nowrap", cell: (p) => date(p.expiresAt) },
          {
            key: "autoRenew",
            label: t("columns.autoRenew"),
            testId: "auto-renew",
            cell: (p) => (p.autoRenew ? (p.methodLabel ? t("onWith", { method: p.methodLabel }) : t("on")) : t("off")),
          },
          { key: "next", label: t("columns.nextAttempt"), className: "whitespace-nowrap", cell: (p) => (p.nextAttemptAt ? date(p.nextAttemptAt) : t("none")) },
          {
            key: "notes",
            label: t("columns.notes"),
            cell: (p) => (
              <>
                {p.expiresSoon && !p.autoRenew ? <span className="text-amber-800">{t("renewFirst")}</span> : null}
                {p.cardExpires ? (
                  <span className="text-red-700" data-testid="card-expires">
                    {t("cardExpires")}
                  </span>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
