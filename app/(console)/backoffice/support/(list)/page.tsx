import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlainShell } from "@/components/shell/plain-shell";
import { DataTable } from "@/components/ui/data-table";
import { requireActor } from "@/lib/auth/get-actor";
import { listSupportQueue } from "@/lib/backoffice/support-queue";
import { getDb } from "@/lib/db";
import { StaffTwoFactorRequired } from "../../staff-two-factor-required";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backofficeSupport"))("queueTitle") };
}

/** SUP-4: the queue of open support requests, oldest first: those nobody took yet and the agent's own. */
export default async function SupportQueuePage() {
  const actor = await requireActor();
  if (!actor.staffRole) notFound();
  if (!actor.secondFactor) return <StaffTwoFactorRequired actor={actor} />;
  const [queue, t, format] = await Promise.all([listSupportQueue(getDb(), actor), getTranslations("backofficeSupport"), getFormatter()]);
  return (
    <PlainShell actor={actor}>
      <div className="space-y-4">
        <Link href="/backoffice" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("queueTitle")}</h1>
        <DataTable
          caption={t("queueTitle")}
          rows={queue}
          rowKey={(r) => r.id}
          rowTestId="support-queue-row"
          empty={t("queueEmpty")}
          columns={[
            {
              key: "subject",
              label: t("columns.subject"),
              rowHeader: true,
              cell: (r) => (
                <Link href={`/backoffice/support/${r.id}`} className="text-brand-700 underline">
                  {r.subject}
                </Link>
              ),
            },
            { key: "org", label: t("columns.organization"), cell: (r) => r.organization.name },
            { key: "status", label: t("columns.status"), cell: (r) => t(`statuses.${r.status}`) },
            { key: "handler", label: t("columns.handler"), cell: (r) => (r.handler ? `${r.handler.firstName} ${r.handler.lastName}` : t("nobody")) },
            { key: "opened", label: t("columns.opened"), cell: (r) => format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }) },
          ]}
        />
      </div>
    </PlainShell>
  );
}
