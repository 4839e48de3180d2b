import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { listActiveGrants } from "@/lib/backoffice/active-grants";
import { getDb } from "@/lib/db";
import { BackofficeList, requireStaffActor } from "../backoffice-list";
import { StaffTwoFactorRequired } from "../staff-two-factor-required";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("backofficeSupport"))("grantsTitle") };
}

/** SUP-4: the support grants in force, those ending first on top. */
export default async function ActiveGrantsPage() {
  const actor = await requireStaffActor();
  if (!actor.secondFactor) return <StaffTwoFactorRequired actor={actor} />;
  const [grants, t, tAccess, format] = await Promise.all([
    listActiveGrants(getDb(), actor),
    getTranslations("backofficeSupport"),
    getTranslations("supportAccess"),
    getFormatter(),
  ]);
  return (
    <BackofficeList
      actor={actor}
      title={t("grantsTitle")}
      backLabel={t("back")}
      table={{
        rows: grants,
        rowKey: (g) => g.id,
        rowTestId: "active-grant-row",
        empty: t("grantsEmpty"),
        columns: [
          { key: "org", label: t("columns.organization"), rowHeader: true, cell: (g) => g.organization.name },
          {
            key: "scope",
            label: t("columns.scope"),
            cell: (g) => {
              const scope = tAccess.has(`scope.${g.scope}`) ? tAccess(`scope.${g.scope}`) : t("singleMail");
              return g.products.length ? `${scope} — ${tAccess("limitedTo", { products: g.products.map((p) => p.product.name).join(", ") })}` : scope;
            },
          },
          { key: "by", label: t("columns.grantedBy"), cell: (g) => `${g.user.firstName} ${g.user.lastName}` },
          {
            key: "until",
            label: t("columns.until"),
            cell: (g) => format.dateTime(g.expiresAt, { dateStyle: "medium", timeStyle: "short" }),
          },
        ],
      }}
    />
  );
}
