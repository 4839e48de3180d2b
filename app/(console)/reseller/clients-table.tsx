import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Field, SelectField } from "@/components/ui/field";
import type { PartnerClient } from "@/lib/partners/list-clients";
import { ClientsTableControls } from "./clients-table-controls";

export type ClientRow = Omit<PartnerClient, "since"> & { since: string; productCountLabel: string };

/**
 * PRT-4 / PRT-8: the clients under management, with "Download": the billing history of every client, or,
 * from the bar that appears at the bottom once rows are ticked, of the ticked ones. One GET form carries
 * the history type and the period; the ticked boxes belong to it (`form`), so the file is a plain download.
 * The rows and the header's "tick all" box are plain server HTML; one small client island per table
 * (ClientsTableControls) makes the box work, draws the bar and the one "end partnership" dialog, opened
 * for the row whose button was clicked.
 */
export async function ClientsTable({
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
  const [t, td] = await Promise.all([getTranslations("reseller"), getTranslations("resellerDownload")]);
  const formId = `download-${partnerId}`;
  const tableId = `clients-${partnerId}`;
  return (
    <div className="mt-2 space-y-3" id={tableId}>
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
        columns={[
          // PRT-8: a ticked box belongs to the download form; the island counts them for the bar. "Tick all"
          // is the header's box (no name: it is not part of the form); the island ticks the page with it.
          {
            key: "tick",
            label: td("tickAll"),
            header: <input type="checkbox" aria-label={td("tickAll")} data-tick-all="" disabled={rows.length === 0} />,
            className: "w-10",
            cell: (c) => <input type="checkbox" aria-label={td("tick", { client: c.clientName })} form={formId} name="client" value={c.id} data-client-tick="" />,
          },
          // PRT-4: the partner works in the client's Organization with the access it was granted.
          {
            key: "client",
            label: t("client"),
            rowHeader: true,
            cell: (c) => (
              <Link href={`/${c.clientOrgId}/products`} prefetch={false} className="text-brand-700 underline">
                {c.clientName}
              </Link>
            ),
          },
          { key: "access", label: t("access"), cell: (c) => t(c.access) },
          { key: "payer", label: t("payer"), cell: (c) => (c.access === "FULL" ? t(c.payer as "CLIENT") : "—") },
          { key: "products", label: t("products"), cell: (c) => c.productCountLabel },
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
          ...(mayEnd
            ? [
                {
                  key: "actions",
                  label: t("actions"),
                  hiddenLabel: true,
                  cell: (c: ClientRow) => (
                    <button
                      type="button"
                      className="rounded-md border border-slate-300 px-2 py-1 text-xs text-red-700 hover:bg-slate-50"
                      aria-label={t("endLabel", { client: c.clientName })}
                      aria-haspopup="dialog"
                      data-end-partnership={c.id}
                      data-client={c.clientName}
                    >
                      {t("end")}
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ClientsTableControls formId={formId} tableId={tableId} />
    </div>
  );
}
