"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Field, SelectField } from "@/components/ui/field";
import { useSelection } from "@/components/ui/use-selection";
import { EndClientButton } from "./end-client-button";

export type ClientRow = { id: string; clientOrgId: string; clientName: string; access: "FULL" | "LIMITED"; payer: string; productCount: number; since: string; products: string[] | null };

/**
 * PRT-4 / PRT-8: the clients under management, with "Download": the billing history of every client, or,
 * from the bar that appears at the bottom once rows are ticked, of the ticked ones. One GET form carries
 * the history type and the period; the ticked boxes belong to it (`form`), so the file is a plain download.
 */
export function ClientsTable({
  partnerId,
  partnerName,
  rows,
  defaultFrom,
  defaultTo,
  mayEnd,
}: {
  partnerId: string;
  partnerName: string;
  rows: ClientRow[];
  defaultFrom: string;
  defaultTo: string;
  /** PRT-7: who takes on clients may also end a partnership. */
  mayEnd: boolean;
}) {
  const t = useTranslations("reseller");
  const td = useTranslations("resellerDownload");
  const { selected, setSelected, clear } = useSelection();
  const formId = `download-${partnerId}`;
  return (
    <div className="mt-2 space-y-3">
      <form id={formId} method="get" action={`/reseller/${partnerId}/download`} className="flex flex-wrap items-end justify-end gap-3" aria-label={td("formLabel", { partner: partnerName })}>
        <SelectField
          id={`${formId}-history`}
          label={td("history")}
          name="history"
          defaultValue="invoices"
          options={(["invoices", "orders", "payments"] as const).map((h) => ({ value: h, label: td(`histories.${h}`) }))}
        />
        <Field id={`${formId}-from`} label={td("from")} name="from" type="date" defaultValue={defaultFrom} required />
        <Field id={`${formId}-to`} label={td("to")} name="to" type="date" defaultValue={defaultTo} required />
        <Button type="submit" name="scope" value="all">
          {td("downloadAll")}
        </Button>
      </form>
      <DataTable
        caption={`${partnerName} — ${t("clients")}`}
        rows={rows}
        rowKey={(c) => c.id}
        rowTestId="reseller-client-row"
        empty={t("noClients")}
        selection={{
          selected,
          onChange: setSelected,
          allLabel: td("tickAll"),
          rowLabel: (c) => td("tick", { client: c.clientName }),
          inputProps: (c) => ({ form: formId, name: "client", value: c.id }),
        }}
        columns={[
          // PRT-4: the partner works in the client's Organization with the access it was granted.
          {
            key: "client",
            label: t("client"),
            rowHeader: true,
            cell: (c) => (
              <Link href={`/${c.clientOrgId}/products`} className="text-brand-700 underline">
                {c.clientName}
              </Link>
            ),
          },
          { key: "access", label: t("access"), cell: (c) => t(c.access) },
          { key: "payer", label: t("payer"), cell: (c) => (c.access === "FULL" ? t(c.payer as "CLIENT") : "—") },
          { key: "products", label: t("products"), cell: (c) => c.productCount },
          // PRT-4: what the client granted — everything, or the products named.
          {
            key: "granted",
            label: t("grantedProducts"),
            cell: (c) =>
              c.products ? (
                <ul className="text-sm" data-testid="granted-products">
                  {c.products.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              ) : (
                t("allProducts")
              ),
          },
          { key: "since", label: t("since"), cell: (c) => c.since },
          ...(mayEnd ? [{ key: "actions", label: t("actions"), hiddenLabel: true, cell: (c: ClientRow) => <EndClientButton partnershipId={c.id} client={c.clientName} /> }] : []),
        ]}
      />
      {selected.size > 0 ? (
        <div role="region" aria-label={td("barLabel")} className="sticky bottom-0 flex flex-wrap items-center gap-3 rounded-lg border border-slate-300 bg-white p-3 shadow-md" data-testid="selection-bar">
          <span className="text-sm font-medium">{td("ticked", { count: selected.size })}</span>
          <Button type="submit" form={formId} name="scope" value="selected">
            {td("downloadTicked")}
          </Button>
          <Button type="button" variant="secondary" onClick={clear}>
            {td("clearTicks")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
