import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getDb } from "@/lib/db";
import { listOpenVerifications } from "@/lib/identity/list-cases";
import { BackofficeList, requireStaffActor } from "../../backoffice-list";
import { StaffTwoFactorRequired } from "../../staff-two-factor-required";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backofficeVerifications"))("title") };
}

/** IDV-2 (back office): open identity-verification cases, submitted ones first. */
export default async function VerificationsPage() {
  const actor = await requireStaffActor();
  if (!actor.secondFactor) return <StaffTwoFactorRequired actor={actor} />;
  const [cases, t, format] = await Promise.all([
    listOpenVerifications(getDb(), actor),
    getTranslations("backofficeVerifications"),
    getFormatter(),
  ]);
  return (
    <BackofficeList
      actor={actor}
      title={t("title")}
      subtitle={t("subtitle")}
      backLabel={t("back")}
      table={{
        rows: cases,
        rowKey: (c) => c.id,
        rowTestId: "verification-row",
        empty: t("empty"),
        columns: [
          {
            key: "person",
            label: t("person"),
            cell: (c) => (
              <>
                <Link href={`/backoffice/verifications/${c.id}`} className="text-brand-700 underline">
                  {c.email}
                </Link>
                {c.name ? <div className="text-xs text-slate-500">{c.name}</div> : null}
              </>
            ),
          },
          { key: "reason", label: t("reason"), cell: (c) => t(`reasons.${c.reason}`) },
          { key: "status", label: t("status"), cell: (c) => t(`statuses.${c.status}`) },
          { key: "age", label: t("age"), cell: (c) => t("hours", { hours: Math.floor(c.ageMs / 3_600_000) }) },
          {
            key: "expires",
            label: t("expires"),
            cell: (c) => format.dateTime(c.expiresAt, { dateStyle: "medium", timeStyle: "short" }),
          },
        ],
      }}
    />
  );
}
