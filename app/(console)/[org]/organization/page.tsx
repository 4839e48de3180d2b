import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { allows } from "@/lib/access/require-access";
import { COUNTRIES } from "@/lib/accounts/countries";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";
import { getOrganizationDetails } from "@/lib/orgs/get-organization-details";
import { getBillingMessages } from "@/lib/renewals/get-billing-messages";
import { BillingAddresses } from "./billing-addresses";
import { BillingMessagesForm } from "./billing-messages";
import { DetailsForm } from "./details-form";
import { DpaSection } from "./dpa-section";
import { ReadOnlyAddresses, ReadOnlyDetails } from "./read-only-details";
import { VatForm } from "./vat-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organization"))("title") };
}

/** ORG-1 / ORG-7 / VAT-1..3: the Organization's details — editable by a legal representative, read-only for everyone else. */
export default async function OrganizationPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const { actor, access } = await consoleContext(orgId);
  const [details, billingMessages, t, tRoot, format, locale] = await Promise.all([
    getOrganizationDetails(getDb(), actor, { orgId }),
    // BIL-10: shown to whoever sees the Organization's billing.
    allows(access, "billing.read") ? getBillingMessages(getDb(), actor, { orgId }) : null,
    getTranslations("organization"),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const regionNames = new Intl.DisplayNames([locale], { type: "region" });
  const countryName = (code: string) => regionNames.of(code) ?? code;
  const countries = COUNTRIES.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name, locale));
  const vatStatus = details.vatNumber
    ? [
        details.vatNumberValid ? t("vatValid") : t("vatNotValidated"),
        details.vatTermsAcceptedAt ? t("vatTermsAcceptedOn", { date: format.dateTime(details.vatTermsAcceptedAt, { dateStyle: "long" }) }) : null,
      ]
        .filter(Boolean)
        .join(" · ")
    : null;
  const card = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm space-y-4";

  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">
          {t(`entityType.${details.entityType}`)} · {countryName(details.country)} · {details.currency}
        </p>
      </div>
      {details.canEdit ? null : <Alert tone="info">{t("readOnlyNote")}</Alert>}

      <section className={card} aria-labelledby="org-details">
        <h2 id="org-details" className="text-lg font-semibold">
          {t("detailsHeading")}
        </h2>
        {details.canEdit ? (
          <DetailsForm
            orgId={orgId}
            details={{
              name: details.name,
              street: details.street,
              postalCode: details.postalCode,
              city: details.city,
              phone: details.phone,
              contactEmail: details.contactEmail,
              website: details.website,
            }}
          />
        ) : <ReadOnlyDetails details={details} />}
      </section>

      <section className={card} aria-labelledby="org-vat">
        <h2 id="org-vat" className="text-lg font-semibold">
          {t("vatHeading")}
        </h2>
        {details.entityType !== "COMPANY" ? (
          <p className="text-sm text-slate-600">{t("vatCompaniesOnly")}</p>
        ) : !details.vatApplicable ? (
          <p className="text-sm text-slate-600">{tRoot("validation.vatNotEu")}</p>
        ) : details.canEdit ? (
          <VatForm orgId={orgId} vatNumber={details.vatNumber} status={vatStatus} />
        ) : (
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="font-medium text-slate-600">{t("vatNumber")}</dt>
            <dd>{details.vatNumber ?? <span className="text-slate-500">{t("notProvided")}</span>}</dd>
            {vatStatus ? (
              <>
                <dt className="font-medium text-slate-600">{t("vatStatus")}</dt>
                <dd>{vatStatus}</dd>
              </>
            ) : null}
          </dl>
        )}
      </section>

      <section className={card} aria-labelledby="org-billing">
        <div>
          <h2 id="org-billing" className="text-lg font-semibold">
            {t("billingHeading")}
          </h2>
          <p className="text-sm text-slate-600">{t("billingIntro")}</p>
        </div>
        {details.canEdit ? (
          <BillingAddresses orgId={orgId} addresses={details.billingAddresses} countries={countries} />
        ) : (
          <ReadOnlyAddresses details={details} countryName={countryName} />
        )}
      </section>

      {access.via === "membership" && allows(access, "dpa.generate") ? <DpaSection orgId={orgId} className={card} /> : null}
      {billingMessages ? (
        <section className={card} aria-labelledby="org-billing-messages">
          <h2 id="org-billing-messages" className="text-lg font-semibold">
            {tRoot("renewals.messagesHeading")}
          </h2>
          <BillingMessagesForm
            orgId={orgId}
            canChange={billingMessages.canChange}
            initial={{
              remindersEnabled: billingMessages.remindersEnabled,
              reminderDaysBefore: billingMessages.reminderDaysBefore,
              notifyRenewal: billingMessages.notifyRenewal,
              notifyInvoiceIssued: billingMessages.notifyInvoiceIssued,
            }}
          />
        </section>
      ) : null}
    </div>
  );
}
