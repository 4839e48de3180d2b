import type { Metadata } from "next";
import { z } from "zod";
import { QueryNotice } from "@/components/ui/query-notice";
import { parsePageQuery } from "@/lib/http/page-query";
import { ActorKind } from "@/lib/generated/prisma/enums";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { Pagination } from "@/components/ui/pagination";
import { ACTIVITY_GROUPS, ACTOR_KINDS, listActivity, type ActivityItem } from "@/lib/audit/list-activity";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";
import { listHref, type SearchParams } from "@/lib/http/list-href";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity"))("title") };
}

const NONE = <span className="text-slate-500">—</span>;

/** SEC-5: a value this refuses (too long, a NUL, unknown) falls back to the default, with a notice. */
const querySchema = z.object({ action: z.string().max(60).regex(/^[A-Za-z]+(\.[A-Za-z]+)*$/).optional(), actorKind: z.enum(ActorKind).optional(), before: z.string().max(80).regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_\d+$/).optional() });

/**
 * The Organization's security and activity log, for legal representatives and administrators only
 * ("audit.read"; everyone else gets the 404 page): who did what, when (in the viewer's time zone), on
 * what, from where. Newest first, filtered by action family and kind of actor, keyset-paginated;
 * "Export CSV" downloads every page of the same view.
 */
export default async function ActivityPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const { query, invalid } = parsePageQuery(querySchema, await searchParams);
  const { actor } = await consoleContext(orgId, "audit.read");
  const [list, t, format] = await Promise.all([
    listActivity(getDb(), actor, { orgId, action: query.action, actorKind: query.actorKind, before: query.before }),
    getTranslations("activity"),
    getFormatter(),
  ]);
  const { action, actorKind } = list.params;
  const view = { action, actorKind };
  const label = (group: string, key: string) => (t.has(`${group}.${key}`) ? t(`${group}.${key}`) : key);
  const isGroup = (a: string) => (ACTIVITY_GROUPS as readonly string[]).includes(a);
  // An exact action name (from a link) stays selectable next to the families.
  const actionOptions = [
    ...(action && !isGroup(action) ? [{ value: action, label: label("actions", action) }] : []),
    ...ACTIVITY_GROUPS.map((g) => ({ value: g, label: label("groups", g) })),
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("subtitle")}</p>
        </div>
        {/* A download, not a page: a plain link, never prefetched. */}
        <a href={listHref(`/${orgId}/activity/export`, view)} download className="text-sm text-brand-700 underline">
          {t("exportCsv")}
        </a>
      </div>

      <QueryNotice invalid={invalid} />

      <FilterForm
        action={`/${orgId}/activity`}
        label={t("filterLabel")}
        submitLabel={t("apply")}
        clear={action || actorKind ? { href: `/${orgId}/activity`, label: t("clearFilter") } : null}
      >
        <SelectFilter id="activity-action" name="action" label={t("filter")} allLabel={t("allActions")} options={actionOptions} value={action} />
        <SelectFilter
          id="activity-actor-kind"
          name="actorKind"
          label={t("actorFilter")}
          allLabel={t("allActors")}
          options={ACTOR_KINDS.map((k) => ({ value: k, label: label("actorKinds", k) }))}
          value={actorKind}
        />
      </FilterForm>

      <DataTable<ActivityItem>
        caption={t("title")}
        rows={list.items}
        rowKey={(row) => row.id}
        rowTestId="activity-row"
        empty={t("empty")}
        columns={[
          {
            key: "when",
            label: t("columns.when"),
            className: "whitespace-nowrap",
            cell: (row) => <time dateTime={row.at.toISOString()}>{format.dateTime(row.at, { dateStyle: "medium", timeStyle: "medium", timeZone: list.timeZone })}</time>,
          },
          {
            key: "who",
            label: t("columns.who"),
            cell: (row) =>
              row.actorName ? (
                <>
                  <span className="font-medium">{row.actorName}</span>
                  <span className="block text-xs text-slate-500">{row.actorEmail}</span>
                </>
              ) : (
                <span className="text-slate-600">{label("actorKinds", row.actorKind)}</span>
              ),
          },
          { key: "what", label: t("columns.what"), cell: (row) => label("actions", row.action) },
          {
            key: "target",
            label: t("columns.target"),
            cell: (row) =>
              row.targetType || row.targetLabel ? (
                <>
                  {row.targetType ? <span className="text-slate-600">{label("targetTypes", row.targetType)}</span> : null}
                  {row.targetLabel ? <span className="ml-1 font-medium">{row.targetLabel}</span> : null}
                </>
              ) : (
                NONE
              ),
          },
          { key: "ip", label: t("columns.ip"), className: "font-mono text-xs", cell: (row) => row.ip ?? NONE },
        ]}
      />

      <Pagination
        label={t("pagination")}
        previous={list.params.before ? { href: listHref(`/${orgId}/activity`, view), label: t("newest") } : null}
        next={list.nextCursor ? { href: listHref(`/${orgId}/activity`, { ...view, before: list.nextCursor }), label: t("older") } : null}
      />
    </div>
  );
}
