import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { Alert } from "@/components/ui/alert";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { orNotFound } from "@/lib/http/or-not-found";
import { getPartnerApplication } from "@/lib/partners/list-applications";
import { StaffTwoFactorRequired } from "../../staff-two-factor-required";
import { PartnerDecisionForm } from "./decision-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backofficePartners"))("applicationTitle") };
}

/** PRT-1 (back office): one application, what the staff checks, and the decision. */
export default async function PartnerApplicationPage({ params }: { params: Promise<{ applicationId: string }> }) {
  const { applicationId } = await params;
  const actor = await requireActor();
  if (!actor.staffRole) notFound();
  if (!actor.secondFactor) return <StaffTwoFactorRequired actor={actor} />;
  const found = await orNotFound(getPartnerApplication(getDb(), actor, applicationId));
  if (!found) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("backofficePartners"), getFormatter(), getLocale()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const rows: [string, string][] = [
    [t("company"), found.companyName],
    [t("organization"), `${found.organization.name} (${found.organization.country})`],
    [t("applicant"), found.applicantEmail],
    [t("country"), found.country],
    [t("tradeRegisterNumber"), found.tradeRegisterNumber],
    [t("website"), found.website],
    [t("volume"), formatMoney(found.yearlyVolumeMinor, found.currency, locale)],
    [t("submitted"), when(found.createdAt)],
    [t("status"), t(`statuses.${found.status}`)],
  ];
  if (found.status !== "PENDING") rows.push([t("decidedAt"), when(found.decidedAt)], [t("reason"), found.reason ?? "—"]);
  return (
    <PlainShell actor={actor}>
      <div className="space-y-5">
        <Link href="/backoffice/partner-applications" className="text-sm text-brand-700 underline">
          {t("backToList")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("applicationTitle")}</h1>
        <dl className="grid max-w-2xl grid-cols-1 gap-x-6 gap-y-2 text-sm break-words sm:grid-cols-[max-content_1fr]">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium text-slate-700">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        {found.organization.affiliateSince ? <Alert tone="error">{t("affiliateWarning")}</Alert> : null}
        {found.status === "PENDING" ? <PartnerDecisionForm applicationId={found.id} /> : null}
      </div>
    </PlainShell>
  );
}
