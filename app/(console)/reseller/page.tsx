import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { requireActor } from "@/lib/auth/get-actor";
import { now } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { listPartnerClients } from "@/lib/partners/list-clients";
import { mayAnswerTenders } from "@/lib/tenders/partner-seats";
import { ClientsTable } from "./clients-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reseller"))("title") };
}

export default async function ResellerPage() {
  const actor = await requireActor();
  const groups = await listPartnerClients(getDb(), actor);
  if (groups.length === 0) notFound();
  const [t, format, tenders, tt] = await Promise.all([getTranslations("reseller"), getFormatter(), mayAnswerTenders(getDb(), actor), getTranslations("tenders")]);
  const today = now().toISOString().slice(0, 10);
  return (
    <PlainShell actor={actor}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {/* TND-2: the open calls for tenders, for partners that accept them. */}
      {tenders ? (
        <p className="mt-2 text-sm">
          <Link href="/reseller/tenders" className="text-brand-700 underline">
            {tt("resellerLink")}
          </Link>
        </p>
      ) : null}
      {groups.map((g) => (
        <section key={g.partner.id} className="mt-6" aria-labelledby={`p-${g.partner.id}`}>
          <h2 id={`p-${g.partner.id}`} className="text-lg font-semibold">
            {g.partner.displayName} — {t("clients")}
          </h2>
          <p className="mt-1 flex gap-4 text-sm">
            <Link href={`/reseller/${g.partner.id}/profile`} className="text-brand-700 underline">
              {t("profileLink")}
            </Link>
            <Link href={`/reseller/${g.partner.id}/managers`} className="text-brand-700 underline">
              {t("managersLink")}
            </Link>
          </p>
          <ClientsTable
            partnerId={g.partner.id}
            partnerName={g.partner.displayName}
            defaultFrom={`${today.slice(0, 4)}-01-01`}
            defaultTo={today}
            mayEnd={g.mayEnd}
            rows={g.clients.map((c) => ({ ...c, since: c.since ? format.dateTime(c.since, { dateStyle: "medium" }) : "—" }))}
          />
        </section>
      ))}
    </PlainShell>
  );
}
