import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db";
import { formatMoney } from "@/lib/format/money";
import { notFoundAsNull } from "@/lib/tenders/not-found-as-null";
import { viewTenderByLink } from "@/lib/tenders/view-tender";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tenders"))("viewTitle") };
}

/** TND-3: the submitter's link — the call, its state and every proposal, with the partners' contact details. */
export default async function TenderViewPage({ params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  const [tender, t, format, locale] = await Promise.all([notFoundAsNull(viewTenderByLink(getDb(), secret)), getTranslations("tenders"), getFormatter(), getLocale()]);
  if (!tender) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">{t("viewTitle")}</h1>
        <p role="alert" className="text-sm text-red-800">
          {t("errors.viewLinkInvalid")}
        </p>
      </div>
    );
  }
  const date = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-slate-600">{t("viewTitle")}</p>
        <h1 className="text-xl font-semibold">{tender.title}</h1>
        <p className="text-sm text-slate-600">
          {t("validUntilOn", { date: date(tender.validUntil) })} · {t("submittedOn", { date: date(tender.createdAt) })}
        </p>
      </header>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm break-words sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">{t("statusLabel")}</dt>
        <dd data-testid="tender-status" className="font-semibold">
          {t(`status.${tender.status}`)}
        </dd>
        <dt className="font-medium text-slate-600">{t("need")}</dt>
        <dd className="whitespace-pre-line">{tender.description}</dd>
        <dt className="font-medium text-slate-600">{t("budget")}</dt>
        <dd>{tender.budget ?? t("noBudget")}</dd>
        <dt className="font-medium text-slate-600">{t("yourContact")}</dt>
        <dd>{[tender.contactName, tender.contactEmail, tender.contactPhone].filter(Boolean).join(" · ")}</dd>
      </dl>
      <section aria-labelledby="proposals" className="space-y-3">
        <h2 id="proposals" className="text-lg font-semibold">
          {t("proposals")} ({tender.proposals.length})
        </h2>
        {tender.proposals.length === 0 ? <p className="text-sm text-slate-600">{t("noProposals")}</p> : null}
        {tender.proposals.map((p) => (
          <section key={p.id} aria-labelledby={`p-${p.id}`} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="proposal">
            <h3 id={`p-${p.id}`} className="font-semibold">
              {t("proposalOf", { partner: p.partner.displayName })}
            </h3>
            <p className="mt-2 whitespace-pre-line">{p.message}</p>
            <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 break-words sm:grid-cols-[max-content_1fr]">
              <dt className="text-slate-600">{t("price")}</dt>
              <dd>{p.priceMinor !== null && p.currency ? formatMoney(p.priceMinor, p.currency, locale) : t("noPrice")}</dd>
              <dt className="text-slate-600">{t("email")}</dt>
              <dd>
                <a href={`mailto:${p.partner.contactEmail}`} className="text-brand-700 underline">
                  {p.partner.contactEmail}
                </a>
              </dd>
              <dt className="text-slate-600">{t("website")}</dt>
              <dd>{p.partner.website}</dd>
            </dl>
            <p className="text-slate-600">
              {t("receivedOn", { date: date(p.createdAt) })}
              {p.updatedAt ? ` · ${t("editedOn", { date: date(p.updatedAt) })}` : null}
            </p>
          </section>
        ))}
      </section>
    </article>
  );
}
