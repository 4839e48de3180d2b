import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PlainShell } from "@/components/shell/plain-shell";
import { DataTable } from "@/components/ui/data-table";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { listOpenTenders } from "@/lib/tenders/list-open-tenders";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tenders"))("listTitle") };
}

/** TND-2: the open calls for tenders, for members of an approved partner that opted in (404 for anyone else). */
export default async function ResellerTendersPage() {
  const actor = await requireActor();
  const { tenders } = await orNotFound(listOpenTenders(getDb(), actor));
  const [t, format] = await Promise.all([getTranslations("tenders"), getFormatter()]);
  return (
    <PlainShell actor={actor}>
      <p className="text-sm">
        <Link href="/reseller" className="text-brand-700 underline">
          {(await getTranslations("reseller"))("title")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{t("listTitle")}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("listIntro")}</p>
      <DataTable
        className="mt-4"
        caption={t("listTitle")}
        rows={tenders}
        rowKey={(row) => row.id}
        empty={t("empty")}
        columns={[
          {
            key: "title",
            label: t("title"),
            rowHeader: true,
            cell: (row) => (
              <>
                <Link href={`/reseller/tenders/${row.id}`} className="text-brand-700 underline">
                  {row.title}
                </Link>
                <p className="text-xs text-slate-600">{row.excerpt}</p>
              </>
            ),
          },
          { key: "budget", label: t("budget"), cell: (row) => row.budget ?? t("noBudget") },
          { key: "validUntil", label: t("validUntil"), cell: (row) => format.dateTime(row.validUntil, { dateStyle: "medium", timeZone: "UTC" }) },
          { key: "answered", label: t("answered"), cell: (row) => (row.answered ? t("yes") : t("no")) },
        ]}
      />
    </PlainShell>
  );
}
