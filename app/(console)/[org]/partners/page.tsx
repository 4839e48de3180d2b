import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/lib/db";
import { orNotFound } from "@/lib/http/or-not-found";
import { consoleContext } from "@/lib/orgs/console-context";
import { listPartnerships } from "@/lib/partners/list-partnerships";
import { InvitationRowActions } from "./invitation-row-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("partnerships"))("title") };
}

/** PRT-2 … PRT-7: the Organization's partners — pending invitations, active partners, and a history. */
export default async function PartnersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const { actor } = await consoleContext(orgId, "partners.read");
  const data = await orNotFound(listPartnerships(getDb(), actor, { orgId }));
  const [t, format] = await Promise.all([getTranslations("partnerships"), getFormatter()]);
  type Row = (typeof data.active)[number];
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : "—");
  const partnerCell = (p: Row) => (
    <Link href={`/${orgId}/partners/${p.id}`} className="text-brand-700 underline">
      {p.partnerName}
    </Link>
  );
  const access = (p: Row) => (p.access === "FULL" ? t("allProducts") : t("productCount", { count: p.productCount }));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="max-w-2xl text-sm text-slate-600">{t("subtitle")}</p>
        </div>
        {/* PRT-2: only a legal representative adds a partner. */}
        {data.mayManage ? (
          <Link href={`/${orgId}/partners/add`} className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 text-sm font-medium text-white">
            {t("add")}
          </Link>
        ) : null}
      </div>

      <section aria-labelledby="partners-active">
        <h2 id="partners-active" className="text-lg font-semibold">
          {t("active")}
        </h2>
        <DataTable
          className="mt-2"
          caption={t("active")}
          rows={data.active}
          rowKey={(p) => p.id}
          empty={t("noActive")}
          testId="active-partners"
          columns={[
            { key: "partner", label: t("columns.partner"), rowHeader: true, cell: partnerCell },
            { key: "access", label: t("columns.access"), cell: (p) => t(`access.${p.access}`) },
            { key: "products", label: t("columns.products"), cell: access },
            { key: "payer", label: t("columns.payer"), cell: (p) => (p.access === "FULL" ? t(`payer.${p.payer}`) : "—") },
            { key: "since", label: t("columns.since"), cell: (p) => date(p.acceptedAt) },
          ]}
        />
      </section>

      <section aria-labelledby="partners-pending">
        <h2 id="partners-pending" className="text-lg font-semibold">
          {t("pending")}
        </h2>
        <DataTable
          className="mt-2"
          caption={t("pending")}
          rows={data.pending}
          rowKey={(p) => p.id}
          empty={t("noPending")}
          testId="pending-partners"
          columns={[
            { key: "partner", label: t("columns.partner"), rowHeader: true, cell: partnerCell },
            { key: "access", label: t("columns.access"), cell: (p) => t(`access.${p.access}`) },
            { key: "products", label: t("columns.products"), cell: access },
            { key: "invited", label: t("columns.invited"), cell: (p) => (p.expired ? <span className="text-amber-900">{t("expired")}</span> : date(p.createdAt)) },
            ...(data.mayManage
              ? [{ key: "actions", label: t("columns.actions"), hiddenLabel: true, cell: (p: Row) => <InvitationRowActions orgId={orgId} partnershipId={p.id} name={p.partnerName} /> }]
              : []),
          ]}
        />
      </section>

      <section aria-labelledby="partners-history">
        <h2 id="partners-history" className="text-lg font-semibold">
          {t("history")}
        </h2>
        <DataTable
          className="mt-2"
          caption={t("history")}
          rows={data.history}
          rowKey={(p) => p.id}
          empty={t("noHistory")}
          columns={[
            { key: "partner", label: t("columns.partner"), rowHeader: true, cell: partnerCell },
            { key: "access", label: t("columns.access"), cell: (p) => t(`access.${p.access}`) },
            { key: "status", label: t("columns.status"), cell: (p) => t(`status.${p.status}`) },
            { key: "ended", label: t("columns.ended"), cell: (p) => date(p.endedAt) },
          ]}
        />
      </section>
    </div>
  );
}
