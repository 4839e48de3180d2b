import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { listPartnerClients } from "@/lib/partners/list-clients";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reseller"))("title") };
}

export default async function ResellerPage() {
  const actor = await requireActor();
  const groups = await listPartnerClients(getDb(), actor);
  if (groups.length === 0) notFound();
  const [t, format] = await Promise.all([getTranslations("reseller"), getFormatter()]);
  return (
    <PlainShell actor={actor}>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {groups.map((g) => (
        <section key={g.partner.id} className="mt-6" aria-labelledby={`p-${g.partner.id}`}>
          <h2 id={`p-${g.partner.id}`} className="text-lg font-semibold">
            {g.partner.displayName} — {t("clients")}
          </h2>
          {g.clients.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("noClients")}</p>
          ) : (
            <table className="mt-2 w-full border-collapse rounded-lg bg-white text-sm shadow-sm">
              <thead>
                <tr className="border-b border-slate-200 text-left">
                  <th scope="col" className="p-2">{t("client")}</th>
                  <th scope="col" className="p-2">{t("access")}</th>
                  <th scope="col" className="p-2">{t("payer")}</th>
                  <th scope="col" className="p-2">{t("products")}</th>
                  <th scope="col" className="p-2">{t("since")}</th>
                </tr>
              </thead>
              <tbody>
                {g.clients.map((c) => (
                  <tr key={c.id} className="border-b border-slate-100">
                    <td className="p-2 font-medium">
                      {/* PRT-4: the partner works in the client's Organization with the access it was granted. */}
                      <Link href={`/${c.clientOrgId}/products`} className="text-brand-700 underline">{c.clientName}</Link>
                    </td>
                    <td className="p-2">{t(c.access)}</td>
                    <td className="p-2">{c.access === "FULL" ? t(c.payer) : "—"}</td>
                    <td className="p-2">{c.productCount}</td>
                    <td className="p-2">{c.since ? format.dateTime(c.since, { dateStyle: "medium" }) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </PlainShell>
  );
}
