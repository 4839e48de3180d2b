import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { allows } from "@/lib/access/require-access";
import { getDb } from "@/lib/db";
import { listMembers, MEMBER_STATUSES } from "@/lib/members/list-members";
import { ROLES } from "@/lib/members/rules";
import { consoleContext } from "@/lib/orgs/console-context";
import { usersHref, type UsersQuery } from "./query";
import { UsersTable } from "./users-table";
import { firstParam, type SearchParams } from "@/lib/http/list-href";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}


export default async function UsersPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const sp = await searchParams;
  // EXTERNAL users may not read the list: they get the 404 page like any outsider.
  const { actor, access } = await consoleContext(orgId, "users.read");
  const canInvite = allows(access, "users.invite");
  const list = await listMembers(getDb(), actor, {
    orgId,
    q: firstParam(sp.q),
    role: firstParam(sp.role),
    teamId: firstParam(sp.teamId),
    status: firstParam(sp.status),
    sort: firstParam(sp.sort),
    dir: firstParam(sp.dir),
    page: firstParam(sp.page),
    perPage: firstParam(sp.perPage),
  });
  const t = await getTranslations();
  const p = list.params;
  const query: UsersQuery = { q: p.q, role: p.role, teamId: p.teamId, status: p.status, sort: p.sort, dir: p.dir, page: p.page };
  const select = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
  const filtered = !!(p.q || p.role || p.teamId || p.status);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("users.title")}</h1>
          <p className="text-sm text-slate-600">{t("users.subtitle")}</p>
        </div>
        {canInvite ? (
          <Link href={`/${orgId}/users/invite`} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t("invitations.addUser")}
          </Link>
        ) : null}
      </div>

      <form method="get" action={`/${orgId}/users`} role="search" aria-label={t("users.searchLabel")} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="users-q" className="block text-sm font-medium text-slate-700">{t("users.search")}</label>
          <input id="users-q" name="q" type="search" defaultValue={p.q ?? ""} placeholder={t("users.searchPlaceholder")} className={`${select} w-64`} />
        </div>
        <div>
          <label htmlFor="users-role" className="block text-sm font-medium text-slate-700">{t("users.roleFilter")}</label>
          <select id="users-role" name="role" defaultValue={p.role ?? ""} className={select}>
            <option value="">{t("users.allRoles")}</option>
            {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </select>
        </div>
        {list.teams.length > 0 ? (
          <div>
            <label htmlFor="users-team" className="block text-sm font-medium text-slate-700">{t("users.teamFilter")}</label>
            <select id="users-team" name="teamId" defaultValue={p.teamId ?? ""} className={select}>
              <option value="">{t("users.allTeams")}</option>
              {list.teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
            </select>
          </div>
        ) : null}
        <div>
          <label htmlFor="users-status" className="block text-sm font-medium text-slate-700">{t("users.statusFilter")}</label>
          <select id="users-status" name="status" defaultValue={p.status ?? ""} className={select}>
            <option value="">{t("users.allStatuses")}</option>
            {MEMBER_STATUSES.map((s) => <option key={s} value={s}>{t(`users.status.${s}`)}</option>)}
          </select>
        </div>
        {p.sort !== "name" ? <input type="hidden" name="sort" value={p.sort} /> : null}
        {p.dir !== "asc" ? <input type="hidden" name="dir" value={p.dir} /> : null}
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">{t("users.applyFilters")}</button>
        {filtered ? (
          <Link href={usersHref(orgId, { sort: p.sort, dir: p.dir })} className="py-2 text-sm text-brand-700 underline">{t("users.clearFilters")}</Link>
        ) : null}
      </form>

      <p className="text-sm text-slate-600" aria-live="polite">{t("users.resultCount", { count: list.total })}</p>

      <UsersTable orgId={orgId} items={list.items} viewer={list.viewer} query={query} canInvite={canInvite} />

      {list.pageCount > 1 ? (
        <nav aria-label={t("users.pagination")} className="flex items-center gap-3 text-sm">
          {p.page > 1 ? <Link href={usersHref(orgId, query, { page: p.page - 1 })} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">{t("users.previous")}</Link> : null}
          <span aria-current="page">{t("users.pageOf", { page: p.page, pageCount: list.pageCount })}</span>
          {p.page < list.pageCount ? <Link href={usersHref(orgId, query, { page: p.page + 1 })} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">{t("users.next")}</Link> : null}
        </nav>
      ) : null}

      <p className="text-xs text-slate-500">{t("users.legalRepresentativeHint")}</p>
    </div>
  );
}
