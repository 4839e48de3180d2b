import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";
import { listTeams } from "@/lib/teams/list-teams";
import { CreateTeamForm } from "./create-team-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teams"))("title") };
}

/** ORG-6: the Organization's work teams with their member and product counts; managers create teams here. */
export default async function TeamsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const { actor } = await consoleContext(orgId, "teams.read");
  const [list, t, format] = await Promise.all([listTeams(getDb(), actor, { orgId }), getTranslations("teams"), getFormatter()]);
  return (
    <div className="max-w-4xl space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      {list.canManage ? <CreateTeamForm orgId={orgId} /> : null}
      <DataTable
        caption={t("title")}
        rows={list.items}
        rowKey={(team) => team.id}
        rowTestId="team-row"
        empty={t("empty")}
        columns={[
          {
            key: "name",
            label: t("columns.name"),
            rowHeader: true,
            cell: (team) => (
              <Link href={`/${orgId}/teams/${team.id}`} className="text-brand-700 underline">
                {team.name}
              </Link>
            ),
          },
          { key: "members", label: t("columns.members"), testId: "team-member-count", cell: (team) => t("memberCount", { count: team.memberCount }) },
          { key: "products", label: t("columns.products"), testId: "team-product-count", cell: (team) => t("productCount", { count: team.productCount }) },
          { key: "created", label: t("columns.created"), cell: (team) => format.dateTime(team.createdAt, { dateStyle: "medium" }) },
        ]}
      />
    </div>
  );
}
