import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
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
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">{t("columns.name")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.members")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.products")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.created")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {list.items.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-3 py-6 text-center text-slate-600">{t("empty")}</td>
              </tr>
            ) : null}
            {list.items.map((team) => (
              <tr key={team.id} data-testid="team-row">
                <th scope="row" className="px-3 py-2 font-medium">
                  <Link href={`/${orgId}/teams/${team.id}`} className="text-brand-700 underline">{team.name}</Link>
                </th>
                <td className="px-3 py-2" data-testid="team-member-count">{t("memberCount", { count: team.memberCount })}</td>
                <td className="px-3 py-2" data-testid="team-product-count">{t("productCount", { count: team.productCount })}</td>
                <td className="px-3 py-2">{format.dateTime(team.createdAt, { dateStyle: "medium" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
