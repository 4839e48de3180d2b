import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery } from "@/lib/http/page-query";
import type { SearchParams } from "@/lib/http/list-href";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { DataTable } from "@/components/ui/data-table";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { orNotFound } from "@/lib/http/or-not-found";
import { listApplicationsSchema, listPartnerApplications } from "@/lib/partners/list-applications";
import { StaffTwoFactorRequired } from "../../staff-two-factor-required";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backofficePartners"))("title") };
}

const STATUSES = ["PENDING", "APPROVED", "REJECTED"] as const;

/** SEC-5: a status this refuses (too long, a NUL, unknown) shows the pending applications, with a notice. */
const querySchema = z.object({ status: z.enum(STATUSES).optional() });

/** PRT-1 (back office): partner-programme applications by status, the pending ones oldest first. */
export default async function PartnerApplicationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  if (!actor.staffRole) notFound();
  if (!actor.secondFactor) return <StaffTwoFactorRequired actor={actor} />;
  const { query: asked, invalid } = parsePageQuery(querySchema, await searchParams);
  const { status } = listApplicationsSchema.parse(asked);
  const [rows, t, format, locale] = await Promise.all([orNotFound(listPartnerApplications(getDb(), actor, { status })), getTranslations("backofficePartners"), getFormatter(), getLocale()]);
  return (
    <PlainShell actor={actor}>
      <div className="space-y-4">
        <Link href="/backoffice" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <QueryNotice invalid={invalid} />
        <nav aria-label={t("statusFilter")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {STATUSES.map((s) => (
              <li key={s}>
                <Link href={`/backoffice/partner-applications?status=${s}`} aria-current={s === status ? "page" : undefined} className={s === status ? "font-semibold" : "text-brand-700 underline"}>
                  {t(`statuses.${s}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <DataTable
          caption={`${t("title")} — ${t(`statuses.${status}`)}`}
          rows={rows}
          rowKey={(r) => r.id}
          rowTestId="partner-application-row"
          empty={t("empty")}
          columns={[
            {
              key: "company",
              label: t("company"),
              rowHeader: true,
              cell: (r) => (
                <Link href={`/backoffice/partner-applications/${r.id}`} className="text-brand-700 underline">
                  {r.companyName}
                </Link>
              ),
            },
            { key: "applicant", label: t("applicant"), cell: (r) => r.applicantEmail },
            { key: "country", label: t("country"), cell: (r) => r.country },
            { key: "volume", label: t("volume"), cell: (r) => formatMoney(r.yearlyVolumeMinor, r.currency, locale) },
            { key: "submitted", label: t("submitted"), cell: (r) => format.dateTime(r.createdAt, { dateStyle: "medium" }) },
          ]}
        />
      </div>
    </PlainShell>
  );
}
