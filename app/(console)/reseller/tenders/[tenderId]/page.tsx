import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PlainShell } from "@/components/shell/plain-shell";
import { Section } from "@/components/ui/section";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { getOpenTender } from "@/lib/tenders/get-open-tender";
import { ProposalForm } from "./proposal-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tenders"))("listTitle") };
}

/**
 * TND-2, TND-3: the full call with the submitter's contact details, and the partner's proposal form — only
 * while the call is open; a cancelled or expired call is the 404 page.
 */
export default async function ResellerTenderPage({ params }: { params: Promise<{ tenderId: string }> }) {
  const { tenderId } = await params;
  const actor = await requireActor();
  const { tender, seats } = await orNotFound(getOpenTender(getDb(), actor, { tenderId }));
  const [t, format] = await Promise.all([getTranslations("tenders"), getFormatter()]);
  const until = format.dateTime(tender.validUntil, { dateStyle: "long", timeZone: "UTC" });
  const defaultCurrency = (await getDb().organization.findUnique({ where: { id: seats[0].orgId }, select: { currency: true } }))?.currency ?? "CHF";
  return (
    <PlainShell actor={actor}>
      <p className="text-sm">
        <Link href="/reseller/tenders" className="text-brand-700 underline">
          {t("backToList")}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{tender.title}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {t("validUntilOn", { date: until })} · {t("submittedOn", { date: format.dateTime(tender.createdAt, { dateStyle: "long", timeZone: "UTC" }) })}
      </p>
      <div className="mt-4 grid max-w-4xl gap-4">
        <Section id="need" title={t("need")}>
          <p className="whitespace-pre-line text-sm">{tender.description}</p>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm break-words sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">{t("budget")}</dt>
            <dd>{tender.budget ?? t("noBudget")}</dd>
          </dl>
        </Section>
        <Section id="contact" title={t("contact")} testId="tender-contact">
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm break-words sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">{t("contactName")}</dt>
            <dd>{tender.contactName}</dd>
            <dt className="text-slate-600">{t("email")}</dt>
            <dd>
              <a href={`mailto:${tender.contactEmail}`} className="text-brand-700 underline">
                {tender.contactEmail}
              </a>
            </dd>
            <dt className="text-slate-600">{t("phone")}</dt>
            <dd>{tender.contactPhone ?? "—"}</dd>
          </dl>
        </Section>
        {seats.map((seat) => (
          <Section key={seat.partnerId} id={`proposal-${seat.partnerId}`} title={seats.length > 1 ? t("proposalOf", { partner: seat.displayName }) : t("yourProposal")}>
            <p className="text-sm text-slate-600">{t("editableUntil", { date: until })}</p>
            <ProposalForm
              tenderId={tender.id}
              partnerId={seat.partnerId}
              message={seat.proposal?.message ?? ""}
              price={seat.proposal?.priceMinor != null ? (seat.proposal.priceMinor / 100).toFixed(2) : ""}
              currency={seat.proposal?.currency ?? defaultCurrency}
              exists={!!seat.proposal}
            />
          </Section>
        ))}
      </div>
    </PlainShell>
  );
}
