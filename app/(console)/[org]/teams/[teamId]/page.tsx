import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { getDb } from "@/lib/db";
import type { SearchParams } from "@/lib/http/list-href";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import { orNotFound } from "@/lib/http/or-not-found";
import { consoleContext } from "@/lib/orgs/console-context";
import { getTeam } from "@/lib/teams/get-team";
import { DeleteTeam, RenameTeamForm } from "./team-settings";
import { TeamMembers } from "./team-members";
import { TeamProducts } from "./team-products";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teams"))("title") };
}

/** SEC-5: a cursor this refuses (too long, a NUL) shows the first products, with a notice. */
const querySchema = z.object({ productsAfter: queryText(400) });

/** ORG-6: one team — its name, members and the products granted to it; managers change them here. */
export default async function TeamPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string; teamId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const [{ org: orgId, teamId }, sp] = await Promise.all([params, searchParams]);
  const { query, invalid } = parsePageQuery(querySchema, sp);
  const productsAfter = query.productsAfter;
  const { actor } = await consoleContext(orgId, "teams.read");
  const [detail, t] = await Promise.all([orNotFound(getTeam(getDb(), actor, { orgId, teamId, productsAfter, forPage: true })), getTranslations("teams")]);
  const nextHref = detail.nextProductsCursor ? `/${orgId}/teams/${teamId}?productsAfter=${detail.nextProductsCursor}#team-products-heading` : null;
  const card = "space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <Link href={`/${orgId}/teams`} className="text-sm text-brand-700 underline">{t("backToTeams")}</Link>
        <h1 className="text-2xl font-semibold">{detail.team.name}</h1>
        <p className="text-sm text-slate-600">{t("teamSubtitle")}</p>
      </div>
      <QueryNotice invalid={invalid} />

      {detail.canManage ? (
        <section className={card} aria-labelledby="team-name-heading">
          <h2 id="team-name-heading" className="text-lg font-semibold">{t("nameHeading")}</h2>
          <RenameTeamForm key={detail.team.name} orgId={orgId} team={detail.team} />
        </section>
      ) : null}

      <section className={card} aria-labelledby="team-members-heading">
        <h2 id="team-members-heading" className="text-lg font-semibold">{t("membersHeading", { count: detail.members.length })}</h2>
        <TeamMembers orgId={orgId} teamId={teamId} members={detail.members} candidates={detail.candidates.members} canManage={detail.canManage} />
      </section>

      <section className={card} aria-labelledby="team-products-heading">
        <h2 id="team-products-heading" className="text-lg font-semibold">{t("productsHeading", { count: detail.productCount })}</h2>
        <p className="text-sm text-slate-600">{t("productsIntro")}</p>
        <TeamProducts
          orgId={orgId}
          teamId={teamId}
          products={detail.products}
          nextHref={nextHref}
          version={detail.productCount}
          candidates={detail.candidates}
          canManage={detail.canManage}
        />
      </section>

      {detail.canManage ? (
        <section className={card} aria-labelledby="team-delete-heading">
          <h2 id="team-delete-heading" className="text-lg font-semibold">{t("deleteHeading")}</h2>
          <DeleteTeam orgId={orgId} team={detail.team} />
        </section>
      ) : null}
    </div>
  );
}
