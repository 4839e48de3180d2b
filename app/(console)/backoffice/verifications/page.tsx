import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { listOpenVerifications } from "@/lib/identity/list-cases";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backofficeVerifications"))("title") };
}

/** IDV-2 (back office): open identity-verification cases, submitted ones first. */
export default async function VerificationsPage() {
  const actor = await requireActor();
  if (!actor.staffRole) notFound();
  const [cases, t, format] = await Promise.all([listOpenVerifications(getDb(), actor), getTranslations("backofficeVerifications"), getFormatter()]);
  return (
    <PlainShell actor={actor}>
      <div className="space-y-4">
        <Link href="/backoffice" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
        {cases.length === 0 ? (
          <p className="text-sm">{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("person")}</th>
                  <th scope="col" className="px-3 py-2">{t("reason")}</th>
                  <th scope="col" className="px-3 py-2">{t("status")}</th>
                  <th scope="col" className="px-3 py-2">{t("age")}</th>
                  <th scope="col" className="px-3 py-2">{t("expires")}</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id} className="border-t border-slate-100" data-testid="verification-row">
                    <td className="px-3 py-2">
                      <Link href={`/backoffice/verifications/${c.id}`} className="text-brand-700 underline">
                        {c.email}
                      </Link>
                      {c.name ? <div className="text-xs text-slate-500">{c.name}</div> : null}
                    </td>
                    <td className="px-3 py-2">{t(`reasons.${c.reason}`)}</td>
                    <td className="px-3 py-2">{t(`statuses.${c.status}`)}</td>
                    <td className="px-3 py-2">{t("hours", { hours: Math.floor(c.ageMs / 3_600_000) })}</td>
                    <td className="px-3 py-2">{format.dateTime(c.expiresAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </PlainShell>
  );
}
