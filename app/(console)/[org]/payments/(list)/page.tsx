import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/lib/db";
import { listHref, type SearchParams } from "@/lib/http/list-href";
import { RENEWAL_METHODS } from "@/lib/orders/place-renewal-order";
import { consoleContext } from "@/lib/orgs/console-context";
import { listRenewals } from "@/lib/payments/list-renewals";
import { RenewalsTable } from "../renewals-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("payments"))("title") };
}

/** SEC-5: a value this refuses (too long, a NUL, unknown) falls back to the first page, with a notice. */
const querySchema = z.object({ all: z.enum(["1"]).optional(), after: queryText(200), before: queryText(200), placed: z.enum(["1"]).optional() });

/**
 * BIL-2 / BIL-3: the products to renew (next 2 months by default, or all), keyset-paged by expiry; select
 * them, choose each line's period and pay the selection as one order and one invoice (who orders without
 * paying — a partner whose client pays, PRT-5 — orders it for the client to pay).
 */
export default async function PaymentsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const { query: asked, invalid } = parsePageQuery(querySchema, await searchParams);
  const { actor } = await consoleContext(orgId, "billing.order");
  const [list, t, tPrepaid] = await Promise.all([listRenewals(getDb(), actor, { orgId, all: asked.all, after: asked.after, before: asked.before }), getTranslations("payments"), getTranslations("prepaid")]);
  const currency = list.currency;
  const all = list.params.all;
  const href = (extra: Record<string, string | undefined>) => listHref(`/${orgId}/payments`, { all: all ? "1" : undefined, ...extra });
  // BIL-5: a PostFinance card only for an Organization paying in CHF.
  const methods = RENEWAL_METHODS.filter((m) => m !== "POSTFINANCE" || currency === "CHF");
  const tab = "rounded-md px-3 py-1 text-sm";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("subtitle")}</p>
        </div>
        {list.readsBilling ? (
          <p className="flex gap-4">
            <Link href={`/${orgId}/payments/renewals`} className="text-sm text-brand-700 underline">
              {t("manageRenewals")}
            </Link>
            <Link href={`/${orgId}/payments/prepaid`} className="text-sm text-brand-700 underline">
              {tPrepaid("title")}
            </Link>
          </p>
        ) : null}
      </div>
      {/* PRT-5: ordered without paying — for a client that pays itself (the client pays the order), or, for a
          partner's plain user while the partner pays, for the partner's billing people (PRT-9). */}
      <QueryNotice invalid={invalid} />
      {asked.placed === "1" && !list.canPay ? <Alert tone="success">{list.payerName ? t("placedForPartner", { partner: list.payerName }) : t("placedForClient")}</Alert> : null}
      <nav aria-label={t("filterLabel")} className="flex flex-wrap gap-2">
        <Link href={`/${orgId}/payments`} aria-current={all ? undefined : "page"} className={`${tab} ${all ? "border border-slate-300" : "bg-brand-600 text-white"}`}>
          {t("window")}
        </Link>
        <Link href={`/${orgId}/payments?all=1`} aria-current={all ? "page" : undefined} className={`${tab} ${all ? "bg-brand-600 text-white" : "border border-slate-300"}`}>
          {t("all")}
        </Link>
      </nav>
      <RenewalsTable
        key={`${all}:${list.params.after ?? ""}:${list.params.before ?? ""}`}
        orgId={orgId}
        items={list.items}
        readOnlyIds={list.readOnlyIds}
        canPay={list.canPay}
        payerName={list.payerName}
        canManageRenewals={list.readsBilling}
        currency={currency}
        methods={methods}
        idempotencyKey={randomUUID()}
        empty={all ? t("emptyAll") : t("empty")}
      />
      <Pagination
        label={t("pagination")}
        previous={list.previousCursor ? { href: href({ before: list.previousCursor }), label: t("previous") } : null}
        next={list.nextCursor ? { href: href({ after: list.nextCursor }), label: t("next") } : null}
      />
    </div>
  );
}
