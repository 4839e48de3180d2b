import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { listSupportQueue } from "@/lib/backoffice/support-queue";
import { getDb } from "@/lib/db";
import { BackofficeList, requireStaffActor } from "../../backoffice-list";
import { StaffTwoFactorRequired } from "../../staff-two-factor-required";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backofficeSupport"))("queueTitle") };
}

/** SUP-4: the queue of open support requests, oldest first: those nobody took yet and the agent's own. */
export default async function SupportQueuePage() {
  const actor = await requireStaffActor();
  if (!actor.secondFactor) return <StaffTwoFactorRequired actor={actor} />;
  const [queue, t, format] = await Promise.all([
    listSupportQueue(getDb(), actor),
    getTranslations("backofficeSupport"),
    getFormatter(),
  ]);
  return (
    <BackofficeList
      actor={actor}
      title={t("queueTitle")}
      backLabel={t("back")}
      table={{
        rows: queue,
        rowKey: (r) => r.id,
        rowTestId: "support-queue-row",
        empty: t("queueEmpty"),
        columns: [
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
          {
            key: "handler",
            label: t("columns.handler"),
            cell: (r) => (r.handler ? `${r.handler.firstName} ${r.handler.lastName}` : t("nobody")),
          },
          {
            key: "opened",
            label: t("columns.opened"),
            cell: (r) => format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }),
          },
        ],
      }}
    />
  );
}
