import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { staffCan } from "@/lib/access/permissions";
import { requireActor } from "@/lib/auth/get-actor";
import { backofficeOverview } from "@/lib/backoffice/overview";
import { getDb } from "@/lib/db";
import { VerificationsLink } from "./verifications/verifications-link";
import { StaffTwoFactorRequired } from "./staff-two-factor-required";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backoffice"))("title") };
}

export default async function BackofficePage() {
  const actor = await requireActor();
  if (!actor.staffRole) notFound();
  if (!actor.secondFactor) return <StaffTwoFactorRequired actor={actor} />;
  const [overview, t, tBilling, tSupport, tPartners] = await Promise.all([
    backofficeOverview(getDb(), actor),
    getTranslations("backoffice"),
    getTranslations("billing"),
    getTranslations("backofficeSupport"),
    getTranslations("backofficePartners"),
  ]);
  const items = [
    { label: t("openVerifications"), value: overview.openVerifications },
    { label: t("openRequests"), value: overview.openRequests },
    { label: t("activeGrants"), value: overview.activeGrants },
  ];
  return (
    <PlainShell actor={actor}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <dl className="mt-4 grid gap-4 md:grid-cols-3">
        {items.map((i) => (
          <div key={i.label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-600">{i.label}</dt>
            <dd className="mt-1 text-2xl font-semibold">{i.value}</dd>
          </div>
        ))}
      </dl>
      <ul className="mt-4 space-y-1 text-sm font-medium">
        <li>
          <Link href="/backoffice/support" className="text-brand-700 underline">
            {tSupport("queueLink")}
          </Link>
        </li>
        <li>
          <Link href="/backoffice/grants" className="text-brand-700 underline">
            {tSupport("grantsLink")}
          </Link>
        </li>
      </ul>
      <VerificationsLink />
      {staffCan(actor.staffRole, "transfers.record") ? (
        <p className="mt-4">
          <Link href="/backoffice/transfers" className="text-brand-700 underline">
            {tBilling("transfersLink")}
          </Link>
        </p>
      ) : null}
      {staffCan(actor.staffRole, "partners.review") ? (
        <p className="mt-4">
          <Link href="/backoffice/partner-applications" className="text-brand-700 underline">
            {tPartners("openList")}
          </Link>
        </p>
      ) : null}
    </PlainShell>
  );
}
