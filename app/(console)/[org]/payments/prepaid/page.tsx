import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { MethodChoiceForm } from "@/components/billing/method-choice-form";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { allows } from "@/lib/access/require-access";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { listHref, type SearchParams } from "@/lib/http/list-href";
import { consoleContext } from "@/lib/orgs/console-context";
import { prepaidAccount, type PrepaidAccount } from "@/lib/prepaid/prepaid-balance";
import { TOP_UP_METHODS } from "@/lib/prepaid/start-top-up";
import { topUpAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("prepaid"))("title") };
}

type Entry = PrepaidAccount["entries"][number];

/** SEC-5: a cursor this refuses (too long, a NUL) shows the latest entries, with a notice. */
const querySchema = z.object({ before: queryText(64) });

/**
 * BIL-5 / BIL-6: the prepaid account — its balance in the Organization's currency, its movements (top-ups,
 * invoices paid from it, refunds; newest first, keyset-paged) and, for whoever may pay, the top-up form.
 */
export default async function PrepaidPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const { query: asked, invalid } = parsePageQuery(querySchema, await searchParams);
  const { actor, access } = await consoleContext(orgId, "billing.read");
  const [account, t, tBilling, format, locale] = await Promise.all([
    prepaidAccount(getDb(), actor, { orgId, before: asked.before }),
    getTranslations("prepaid"),
    getTranslations("billing"),
    getFormatter(),
    getLocale(),
  ]);
  const money = (minor: number) => formatMoney(minor, account.currency, locale);
  // BIL-6: by card, PostFinance card when the Organization pays in CHF, or IBAN transfer.
  const methods = TOP_UP_METHODS.filter((m) => m !== "POSTFINANCE" || account.currency === "CHF");
  const canTopUp = allows(access, "billing.pay");
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/${orgId}/payments`} className="text-brand-700 underline">
            {t("backToPayments")}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      <QueryNotice invalid={invalid} />
      <section aria-labelledby="prepaid-balance-heading" className="rounded border border-slate-200 p-4">
        <h2 id="prepaid-balance-heading" className="text-sm font-medium text-slate-700">
          {t("balance", { currency: account.currency })}
        </h2>
        <p className="text-2xl font-semibold" data-testid="prepaid-balance">
          {money(account.balanceMinor)}
        </p>
      </section>
      {canTopUp ? (
        <section aria-labelledby="top-up-heading" className="rounded border border-slate-200 p-4">
          <h2 id="top-up-heading" className="mb-2 text-lg font-semibold">
            {t("topUpHeading")}
          </h2>
          <MethodChoiceForm
            action={topUpAction}
            orgId={orgId}
            methods={methods}
            idempotencyKey={randomUUID()}
            submitLabel={t("topUp")}
            idPrefix="top-up"
            amount={{ label: t("amount", { currency: account.currency }), help: `${t("errors.topUpRange")} ${t("amountHelp")}` }}
          />
          <p className="mt-3 text-sm text-slate-700">
            {t("topUpHelp")} {t("topUpIbanHelp")}
          </p>
        </section>
      ) : null}
      <DataTable<Entry>
        caption={t("history")}
        showCaption
        testId="prepaid-history"
        rows={account.entries}
        rowKey={(e) => e.id}
        empty={t("noMovements")}
        columns={[
          { key: "date", label: t("columns.date"), cell: (e) => format.dateTime(e.createdAt, { dateStyle: "medium" }) },
          {
            key: "movement",
            label: t("columns.movement"),
            rowHeader: true,
            cell: (e) => (
              <>
                {t(`kinds.${e.kind}`)}
                {e.invoice ? (
                  <>
                    {" — "}
                    <Link href={`/${orgId}/invoices/${e.invoice.id}`} className="text-brand-700 underline">
                      {tBilling("invoiceTitle", { number: e.invoice.number })}
                    </Link>
                  </>
                ) : null}
              </>
            ),
          },
          { key: "amount", label: t("columns.amount"), className: "text-right", cell: (e) => (e.amountMinor > 0 ? `+${money(e.amountMinor)}` : money(e.amountMinor)), testId: "prepaid-amount" },
        ]}
      />
      <Pagination
        label={t("pagination")}
        previous={account.paged ? { href: `/${orgId}/payments/prepaid`, label: t("newest") } : null}
        next={account.nextCursor ? { href: listHref(`/${orgId}/payments/prepaid`, { before: account.nextCursor }), label: t("older") } : null}
      />
    </div>
  );
}
