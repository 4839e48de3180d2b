import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { DataTable } from "@/components/ui/data-table";
import { requireActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { listPartnerClients } from "@/lib/partners/list-clients";
import { EndClientButton } from "./end-client-button";

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
          <DataTable
            className="mt-2"
            caption={`${g.partner.displayName} — ${t("clients")}`}
            rows={g.clients}
            rowKey={(c) => c.id}
            empty={t("noClients")}
            columns={[
              // PRT-4: the partner works in the client's Organization with the access it was granted.
              {
                key: "client",
                label: t("client"),
                rowHeader: true,
                cell: (c) => (
                  <Link href={`/${c.clientOrgId}/products`} className="text-brand-700 underline">
                    {c.clientName}
                  </Link>
                ),
              },
              { key: "access", label: t("access"), cell: (c) => t(c.access) },
              { key: "payer", label: t("payer"), cell: (c) => (c.access === "FULL" ? t(c.payer) : "—") },
              { key: "products", label: t("products"), cell: (c) => c.productCount },
              // PRT-4: what the client granted — everything, or the products named.
              {
                key: "granted",
                label: t("grantedProducts"),
                cell: (c) =>
                  c.products ? (
                    <ul className="text-sm" data-testid="granted-products">
                      {c.products.map((name) => (
                        <li key={name}>{name}</li>
                      ))}
                    </ul>
                  ) : (
                    t("allProducts")
                  ),
              },
              { key: "since", label: t("since"), cell: (c) => (c.since ? format.dateTime(c.since, { dateStyle: "medium" }) : "—") },
              ...(g.mayEnd
                ? [{ key: "actions", label: t("actions"), hiddenLabel: true, cell: (c: (typeof g.clients)[number]) => <EndClientButton partnershipId={c.id} client={c.clientName} /> }]
                : []),
            ]}
          />
        </section>
      ))}
    </PlainShell>
  );
}
