import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery, queryText } from "@/lib/http/page-query";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { FilterForm, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { allows } from "@/lib/access/require-access";
import { getDb } from "@/lib/db";
import { listMembers, MEMBER_SORTS, MEMBER_STATUSES } from "@/lib/members/list-members";
import { ROLES } from "@/lib/members/rules";
import { consoleContext } from "@/lib/orgs/console-context";
import { usersHref, type UsersQuery } from "./query";
import { UsersTable } from "./users-table";
import type { SearchParams } from "@/lib/http/list-href";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("users"))("title") };
}


/** SEC-5: a value this refuses (too long, a NUL, unknown) falls back to the default, with a notice. */
const querySchema = z.object({
  q: queryText(100),
  role: z.enum(ROLES).optional(),
  teamId: queryText(64),
  status: z.enum(MEMBER_STATUSES).optional(),
  sort: z.enum(MEMBER_SORTS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  perPage: z.coerce.number().int().min(1).max(100).optional(),
});

export default async function UsersPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const { query: asked, invalid } = parsePageQuery(querySchema, await searchParams);
  // EXTERNAL users may not read the list: they get the 404 page like any outsider.
  const { actor, access } = await consoleContext(orgId, "users.read");
  const canInvite = allows(access, "users.invite");
  const list = await listMembers(getDb(), actor, {
    orgId,
    q: asked.q,
    role: asked.role,
    teamId: asked.teamId,
    status: asked.status,
    sort: asked.sort,
    dir: asked.dir,
    page: asked.page,
    perPage: asked.perPage,
  });
  const t = await getTranslations();
  const p = list.params;
  const query: UsersQuery = { q: p.q, role: p.role, teamId: p.teamId, status: p.status, sort: p.sort, dir: p.dir, page: p.page };
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

      <QueryNotice invalid={invalid} />

      <FilterForm
        action={`/${orgId}/users`}
        label={t("users.searchLabel")}
        submitLabel={t("users.applyFilters")}
        clear={filtered ? { href: usersHref(orgId, { sort: p.sort, dir: p.dir }), label: t("users.clearFilters") } : null}
      >
        <SearchFilter id="users-q" name="q" label={t("users.search")} placeholder={t("users.searchPlaceholder")} value={p.q} />
        <SelectFilter id="users-role" name="role" label={t("users.roleFilter")} allLabel={t("users.allRoles")} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} value={p.role} />
        {list.teams.length > 0 ? (
          <SelectFilter id="users-team" name="teamId" label={t("users.teamFilter")} allLabel={t("users.allTeams")} options={list.teams.map((team) => ({ value: team.id, label: team.name }))} value={p.teamId} />
        ) : null}
        <SelectFilter
          id="users-status"
          name="status"
          label={t("users.statusFilter")}
          allLabel={t("users.allStatuses")}
          options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`users.status.${s}`) }))}
          value={p.status}
        />
        {p.sort !== "name" ? <input type="hidden" name="sort" value={p.sort} /> : null}
        {p.dir !== "asc" ? <input type="hidden" name="dir" value={p.dir} /> : null}
      </FilterForm>

      <p className="text-sm text-slate-600" aria-live="polite">{t("users.resultCount", { count: list.total })}</p>

      <UsersTable orgId={orgId} items={list.items} viewer={list.viewer} query={query} canInvite={canInvite} />

      <Pagination
        label={t("users.pagination")}
        previous={p.page > 1 ? { href: usersHref(orgId, query, { page: p.page - 1 }), label: t("users.previous") } : null}
        next={p.page < list.pageCount ? { href: usersHref(orgId, query, { page: p.page + 1 }), label: t("users.next") } : null}
        current={t("users.pageOf", { page: p.page, pageCount: list.pageCount })}
      />

      <p className="text-xs text-slate-500">{t("users.legalRepresentativeHint")}</p>
    </div>
  );
}
