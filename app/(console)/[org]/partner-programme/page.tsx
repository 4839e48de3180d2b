import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { orNotFound } from "@/lib/http/or-not-found";
import { consoleContext } from "@/lib/orgs/console-context";
import { programmeStatus } from "@/lib/partners/programme-status";
import { REGISTER_COUNTRIES } from "@/lib/partners/trade-register";
import { AffiliateForm } from "./affiliate-form";
import { ApplicationForm } from "./application-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("partnerProgramme"))("title") };
}

const REQUIREMENTS = ["register", "website", "volume", "support", "invoicing", "tenders", "terms"] as const;
const BENEFITS = ["cashback", "resellerArea", "access", "collaborators", "directory", "tenders"] as const;

/** PRT-1: the partner programme's requirements and benefits, the Organization's status and the application form. */
export default async function PartnerProgrammePage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const { actor } = await consoleContext(orgId);
  const [status, t, format, locale] = await Promise.all([orNotFound(programmeStatus(getDb(), actor, orgId)), getTranslations("partnerProgramme"), getFormatter(), getLocale()]);
  const minimum = formatMoney(status.minimumVolumeMinor, status.currency, locale);
  const regionNames = new Intl.DisplayNames([locale], { type: "region" });
  const countries = REGISTER_COUNTRIES.map((code) => ({ value: code, label: regionNames.of(code) ?? code }));
  const latest = status.latest;
  const card = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm space-y-3";

  let blocker: string | null = null;
  if (status.isPartner) blocker = null;
  else if (!status.isCompany) blocker = t("notCompany");
  else if (status.isAffiliate) blocker = t("affiliate");
  else if (latest?.status === "PENDING") blocker = t("pending", { date: format.dateTime(latest.createdAt, { dateStyle: "long" }) });
  else if (!status.mayApply) blocker = t("legalRepresentativeOnly");

  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>
      <section className={card} aria-labelledby="pp-requirements">
        <h2 id="pp-requirements" className="text-lg font-semibold">
          {t("requirementsHeading")}
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {REQUIREMENTS.map((r) => (
            <li key={r}>{t(`requirements.${r}`)}</li>
          ))}
        </ul>
        <p className="text-sm text-slate-600">{t("notAffiliate")}</p>
      </section>
      <section className={card} aria-labelledby="pp-benefits">
        <h2 id="pp-benefits" className="text-lg font-semibold">
          {t("benefitsHeading")}
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {BENEFITS.map((b) => (
            <li key={b}>{t(`benefits.${b}`)}</li>
          ))}
        </ul>
        <p className="text-sm">
          <Link href="/partners-directory" className="text-brand-700 underline">
            {t("directoryLink")}
          </Link>
        </p>
      </section>
      <section className={card} aria-labelledby="pp-apply">
        <h2 id="pp-apply" className="text-lg font-semibold">
          {t("applyHeading")}
        </h2>
        {status.isPartner ? (
          <Alert tone="success">
            {t("isPartner")}{" "}
            <Link href="/reseller" className="underline">
              {t("resellerLink")}
            </Link>
          </Alert>
        ) : null}
        {latest?.status === "REJECTED" && !status.isPartner ? (
          <Alert tone="info">{t("rejected", { date: format.dateTime(latest.decidedAt ?? latest.createdAt, { dateStyle: "long" }), reason: latest.reason ?? "—" })}</Alert>
        ) : null}
        {blocker ? <Alert tone="info">{blocker}</Alert> : null}
        {!status.isPartner && !blocker ? (
          <ApplicationForm
            orgId={orgId}
            defaults={{ companyName: status.orgName, country: (REGISTER_COUNTRIES as readonly string[]).includes(status.country) ? status.country : "CH", website: status.website ?? "" }}
            countries={countries}
            currency={status.currency}
            minimum={minimum}
          />
        ) : null}
      </section>
      <section className={card} aria-labelledby="pp-affiliate">
        <h2 id="pp-affiliate" className="text-lg font-semibold">
          {t("affiliateHeading")}
        </h2>
        <p className="text-sm text-slate-600">{t("affiliateIntro")}</p>
        {status.affiliateSince ? <p className="text-sm">{t("affiliateSince", { date: format.dateTime(status.affiliateSince, { dateStyle: "long" }) })}</p> : null}
        {status.isPartner ? (
          <p className="text-sm">{t("affiliatePartner")}</p>
        ) : !status.mayApply ? (
          <p className="text-sm">{t("affiliateRepresentativeOnly")}</p>
        ) : !status.isAffiliate && !status.mayJoinAffiliate ? (
          <p className="text-sm">{t("affiliatePending")}</p>
        ) : (
          <AffiliateForm orgId={orgId} isAffiliate={status.isAffiliate} />
        )}
      </section>
    </div>
  );
}
