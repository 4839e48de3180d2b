import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { consoleContext } from "@/lib/orgs/console-context";
import { getPartnership } from "@/lib/partners/get-partnership";
import { EndPartnershipButton } from "./end-partnership-button";
import { PayerEditor } from "./payer-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("partnerships"))("title") };
}

/** PRT-3, PRT-6, PRT-7: one partner — its access, the Payment section (full access), and ending it. */
export default async function PartnershipPage({ params }: { params: Promise<{ org: string; partnershipId: string }> }) {
  const { org: orgId, partnershipId } = await params;
  const { actor } = await consoleContext(orgId, "partners.read");
  const p = await orNotFound(getPartnership(getDb(), actor, { orgId, partnershipId }), "INVALID_INPUT");
  const [t, tCat, format] = await Promise.all([getTranslations("partnerships"), getTranslations("categories"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const open = p.status === "ACTIVE" || p.status === "PENDING";
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <Link href={`/${orgId}/partners`} className="text-brand-700 text-sm underline">
          {t("backToPartners")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{p.partner.displayName}</h1>
        <p className="text-sm text-slate-600">
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-800">{t(`status.${p.status}`)}</span>{" "}
          {p.status === "ACTIVE" && p.acceptedAt ? t("since", { date: date(p.acceptedAt) }) : null}
          {p.status === "PENDING" ? t("invitedOn", { date: date(p.createdAt) }) : null}
          {p.endedAt && !open ? t("endedOn", { date: date(p.endedAt) }) : null}
        </p>
        <p className="text-sm text-slate-600">
          {t("contactLine", { email: p.partner.contactEmail, website: p.partner.website })}
        </p>
      </div>

      <section aria-labelledby="partner-access" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="partner-access" className="text-lg font-semibold">
          {t("accessTitle")}
        </h2>
        {p.access === "FULL" ? (
          <p className="mt-1 text-sm">{t("fullAccess")}</p>
        ) : (
          <>
            <p className="mt-1 text-sm">{t("limitedAccess", { count: p.productCount })}</p>
            <dl className="mt-2 space-y-2" data-testid="partner-products">
              {p.categories.map((c) => (
                <div key={c.code}>
                  <dt className="text-sm font-medium text-slate-700">{tCat.has(c.code) ? tCat(c.code) : c.code}</dt>
                  <dd>
                    <ul className="ml-4 list-disc text-sm">
                      {c.products.map((product) => (
                        <li key={product.id}>{product.name}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ))}
            </dl>
            {p.productCount > p.products.length ? <p className="mt-1 text-sm text-slate-600">{t("moreProducts", { count: p.productCount - p.products.length })}</p> : null}
          </>
        )}
      </section>

      <section aria-labelledby="partner-payment" className="rounded-lg border border-slate-200 bg-white p-4">
        {p.access === "FULL" ? (
          <PayerEditor orgId={orgId} partnershipId={p.id} payer={p.payer} editable={p.mayManage && open} headingId="partner-payment" />
        ) : (
          <>
            <h2 id="partner-payment" className="text-lg font-semibold">
              {t("paymentTitle")}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{t("payerOnlyFull")}</p>
          </>
        )}
      </section>

      {/* Stays mounted once the page shows the partnership ended, so its confirmation is still read. */}
      {p.mayManage ? <EndPartnershipButton orgId={orgId} partnershipId={p.id} name={p.partner.displayName} active={p.status === "ACTIVE"} /> : null}
    </div>
  );
}
