import type { Metadata } from "next";
import { z } from "zod";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CashbackTable } from "@/components/partners/cashback-table";
import { PlainShell } from "@/components/shell/plain-shell";
import { requireActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import type { SearchParams } from "@/lib/http/list-href";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import { QueryNotice } from "@/components/ui/query-notice";
import { listCashback } from "@/lib/partners/list-cashback";
import { listPartnerClients, productCountLabel } from "@/lib/partners/list-clients";
import { Pagination } from "@/components/ui/pagination";
import { mayAnswerTenders } from "@/lib/tenders/partner-seats";
import { ClientsTable } from "../clients-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reseller"))("title") };
}

/** SEC-5: a value this refuses (too long, a NUL) shows the first pages, with a notice. */
const querySchema = z.object({ partner: queryText(64), after: queryText(400), before: queryText(400) });

const pageHref = (partnerId: string, key: "after" | "before", cursor: string) => `/reseller?${new URLSearchParams({ partner: partnerId, [key]: cursor })}`;

/** PRT-4: each partner's clients, 25 a page (keyset: `partner` names the list the cursor pages). */
export default async function ResellerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { query, invalid } = parsePageQuery(querySchema, await searchParams);
  const actor = await requireActor();
  const groups = await listPartnerClients(getDb(), actor, { partnerId: query.partner, after: query.after, before: query.before });
  if (groups.length === 0) notFound();
  const [t, format, tenders, tt, locale] = await Promise.all([getTranslations("reseller"), getFormatter(), mayAnswerTenders(getDb(), actor), getTranslations("tenders"), getLocale()]);
  // PRT-5: each partner's cashback ledger, for its members who may read its billing.
  const ledgers = await Promise.all(groups.map((g) => listCashback(getDb(), actor, { partnerId: g.partner.id })));
  const today = now().toISOString().slice(0, 10);
  return (
    <PlainShell actor={actor}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <QueryNotice invalid={invalid} />
      {/* TND-2: the open calls for tenders, for partners that accept them. */}
      {tenders ? (
        <p className="mt-2 text-sm">
          <Link href="/reseller/tenders" className="text-brand-700 underline">
            {tt("resellerLink")}
          </Link>
        </p>
      ) : null}
      {groups.map((g, i) => (
        <section key={g.partner.id} className="mt-6" aria-labelledby={`p-${g.partner.id}`}>
          <h2 id={`p-${g.partner.id}`} className="text-lg font-semibold">
            {g.partner.displayName} — {t("clients")}
          </h2>
          <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <Link href={`/reseller/${g.partner.id}/profile`} className="text-brand-700 underline">
              {t("profileLink")}
            </Link>
            <Link href={`/reseller/${g.partner.id}/managers`} className="text-brand-700 underline">
              {t("managersLink")}
            </Link>
          </p>
          <ClientsTable
            partnerId={g.partner.id}
            partnerName={g.partner.displayName}
            defaultFrom={`${today.slice(0, 4)}-01-01`}
            defaultTo={today}
            mayEnd={g.mayEnd}
            rows={g.clients.map((c) => ({
              ...c,
              since: c.since ? format.dateTime(c.since, { dateStyle: "medium" }) : "—",
              // A count capped cheaply (see listPartnerClients): "1,000+" past the cap.
              productCountLabel: productCountLabel(c, (n) => format.number(n)),
            }))}
          />
          <div className="mt-2">
            <Pagination
              label={t("pages", { partner: g.partner.displayName })}
              previous={g.previousCursor ? { href: pageHref(g.partner.id, "before", g.previousCursor), label: t("previous") } : null}
              next={g.nextCursor ? { href: pageHref(g.partner.id, "after", g.nextCursor), label: t("next") } : null}
            />
          </div>
          {ledgers[i] ? (
            <section className="mt-6" aria-labelledby={`cb-${g.partner.id}`}>
              <h3 id={`cb-${g.partner.id}`} className="text-base font-semibold">
                {t("cashback.title")}
              </h3>
              {ledgers[i].latest.length === 0 ? (
                <p className="mt-2 text-sm">{t("cashback.none")}</p>
              ) : (
                <>
                  <p className="mt-2 text-sm">
                    {t("cashback.total")} {ledgers[i].totals.map((x) => formatMoney(x.amountMinor, x.currency, locale)).join(" · ")}
                  </p>
                  <div role="region" aria-label={t("cashback.latest")} tabIndex={0} className="relative mt-2 overflow-x-auto">
                    <CashbackTable
                      entries={ledgers[i].latest}
                      labels={{ caption: t("cashback.latest"), client: t("client"), invoice: t("cashback.invoice"), amount: t("cashback.amount"), date: t("cashback.date") }}
                    />
                  </div>
                  <p className="mt-2 text-sm">
                    <Link href={`/reseller/${g.partner.id}/cashback`} className="text-brand-700 underline">
                      {t("cashback.all")}
                    </Link>
                  </p>
                </>
              )}
            </section>
          ) : null}
        </section>
      ))}
    </PlainShell>
  );
}
