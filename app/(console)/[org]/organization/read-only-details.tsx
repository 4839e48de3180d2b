import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { OrganizationDetails } from "@/lib/orgs/get-organization-details";

/** ORG-1: what a member other than a legal representative sees — the same details, without forms. */
export async function ReadOnlyDetails({ details }: { details: OrganizationDetails }) {
  const t = await getTranslations("organization");
  const empty = <span className="text-slate-500">{t("notProvided")}</span>;
  const rows: [string, ReactNode][] = [
    [t("name"), details.name],
    [
      t("address"),
      details.street || details.postalCode || details.city ? (
        <>
          {details.street}
          {details.street ? <br /> : null}
          {[details.postalCode, details.city].filter(Boolean).join(" ")}
        </>
      ) : null,
    ],
    [t("phone"), details.phone],
    [t("contactEmail"), details.contactEmail],
    [t("website"), details.website],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="break-words">{value || empty}</dd>
        </div>
      ))}
    </dl>
  );
}

export async function ReadOnlyAddresses({ details, countryName }: { details: OrganizationDetails; countryName: (code: string) => string }) {
  const t = await getTranslations("organization");
  if (details.billingAddresses.length === 0) return <p className="text-sm text-slate-600">{t("noBillingAddress")}</p>;
  return (
    <ul className="space-y-3">
      {details.billingAddresses.map((a) => (
        <li key={a.id} className="rounded-md border border-slate-200 p-3 text-sm">
          <p className="font-medium">
            {a.label}
            {a.isDefault ? <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-xs text-green-800">{t("default")}</span> : null}
          </p>
          <address className="not-italic text-slate-700">
            {a.name}
            <br />
            {a.street}
            <br />
            {a.postalCode} {a.city}
            <br />
            {countryName(a.country)}
          </address>
        </li>
      ))}
    </ul>
  );
}
