import type { Metadata } from "next";
import { z } from "zod";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { CashbackTable } from "@/components/partners/cashback-table";
import { PlainShell } from "@/components/shell/plain-shell";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import type { SearchParams } from "@/lib/http/list-href";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import { QueryNotice } from "@/components/ui/query-notice";
import { orNotFound } from "@/lib/http/or-not-found";
import { listCashbackPage } from "@/lib/partners/list-cashback-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("resellerCashback"))("title") };
}

/** SEC-5: a value this refuses (too long, a NUL) shows the first page, with a notice. */
const querySchema = z.object({ after: queryText(200), before: queryText(200) });

const href = (partnerId: string, key: "after" | "before", cursor: string) => `/reseller/${partnerId}/cashback?${new URLSearchParams({ [key]: cursor })}`;

/** PRT-5: the partner's whole cashback ledger, keyset-paged, with the total earned per currency. */
export default async function CashbackLedgerPage({ params, searchParams }: { params: Promise<{ partnerId: string }>; searchParams: Promise<SearchParams> }) {
  const { partnerId } = await params;
  const { query, invalid } = parsePageQuery(querySchema, await searchParams);
  const actor = await requireActor();
  const ledger = await orNotFound(listCashbackPage(getDb(), actor, { partnerId, after: query.after, before: query.before }), "INVALID_INPUT");
  const [t, locale] = await Promise.all([getTranslations("resellerCashback"), getLocale()]);
  return (
    <PlainShell actor={actor}>
      <div className="max-w-4xl space-y-4">
        <Link href="/reseller" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <QueryNotice invalid={invalid} />
        <p className="text-sm text-slate-600">{t("intro", { partner: ledger.partnerName })}</p>
        <section aria-labelledby="cashback-totals">
          <h2 id="cashback-totals" className="text-lg font-semibold">
            {t("totals")}
          </h2>
          {ledger.totals.length === 0 ? (
            <p className="mt-1 text-sm">{t("none")}</p>
          ) : (
            <ul className="mt-1 text-sm" data-testid="cashback-totals">
              {ledger.totals.map((x) => (
                <li key={x.currency}>
                  {formatMoney(x.amountMinor, x.currency, locale)} · {t("entries", { count: x.entries })}
                </li>
              ))}
            </ul>
          )}
        </section>
        {ledger.items.length > 0 ? (
          <CashbackTable
            entries={ledger.items}
            labels={{ caption: t("caption"), client: t("client"), invoice: t("invoice"), amount: t("amount"), date: t("date") }}
            rowTestId="cashback-entry"
          />
        ) : null}
        <Pagination
          label={t("pages")}
          previous={ledger.previousCursor ? { href: href(partnerId, "before", ledger.previousCursor), label: t("newer") } : null}
          next={ledger.nextCursor ? { href: href(partnerId, "after", ledger.nextCursor), label: t("older") } : null}
        />
      </div>
    </PlainShell>
  );
}
