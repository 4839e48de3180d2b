import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ACTIVITY_GROUPS, listActivity } from "@/lib/audit/list-activity";
import { getDb } from "@/lib/db";
import { consoleContext } from "@/lib/orgs/console-context";
import { firstParam, type SearchParams } from "@/lib/http/list-href";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity"))("title") };
}


/**
 * The Organization's security and activity log, for legal representatives and administrators only
 * ("audit.read"; everyone else gets the 404 page): who did what, when (in the viewer's time zone), on
 * what, from where. Newest first, filtered by action family, keyset-paginated.
 */
export default async function ActivityPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> }) {
  const { org: orgId } = await params;
  const sp = await searchParams;
  const { actor } = await consoleContext(orgId, "audit.read");
  const [list, t, format] = await Promise.all([
    listActivity(getDb(), actor, { orgId, action: firstParam(sp.action), before: firstParam(sp.before) }),
    getTranslations("activity"),
    getFormatter(),
  ]);
  const filter = list.params.action;
  const href = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams(Object.entries({ action: filter, ...extra }).filter((e): e is [string, string] => !!e[1]));
    const s = q.toString();
    return `/${orgId}/activity${s ? `?${s}` : ""}`;
  };
  const actionLabel = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);
  const groupLabel = (group: string) => (t.has(`groups.${group}`) ? t(`groups.${group}`) : group);
  const actorKind = (kind: string) => (t.has(`actorKinds.${kind}`) ? t(`actorKinds.${kind}`) : kind);
  const targetType = (type: string) => (t.has(`targetTypes.${type}`) ? t(`targetTypes.${type}`) : type);
  const select = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
      </div>

      <form method="get" action={`/${orgId}/activity`} role="search" aria-label={t("filterLabel")} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="activity-action" className="block text-sm font-medium text-slate-700">{t("filter")}</label>
          <select id="activity-action" name="action" defaultValue={filter ?? ""} className={select}>
            <option value="">{t("allActions")}</option>
            {filter && !(ACTIVITY_GROUPS as readonly string[]).includes(filter) ? <option value={filter}>{actionLabel(filter)}</option> : null}
            {ACTIVITY_GROUPS.map((g) => <option key={g} value={g}>{groupLabel(g)}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">{t("apply")}</button>
        {filter ? <Link href={`/${orgId}/activity`} className="py-2 text-sm text-brand-700 underline">{t("clearFilter")}</Link> : null}
      </form>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">{t("columns.when")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.who")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.what")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.target")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.ip")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {list.items.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-slate-600">{t("empty")}</td>
              </tr>
            ) : null}
            {list.items.map((row) => (
              <tr key={row.id} data-testid="activity-row">
                <td className="whitespace-nowrap px-3 py-2">
                  <time dateTime={row.at.toISOString()}>{format.dateTime(row.at, { dateStyle: "medium", timeStyle: "medium", timeZone: list.timeZone })}</time>
                </td>
                <td className="px-3 py-2">
                  {row.actorName ? (
                    <>
                      <span className="font-medium">{row.actorName}</span>
                      <span className="block text-xs text-slate-500">{row.actorEmail}</span>
                    </>
                  ) : <span className="text-slate-600">{actorKind(row.actorKind)}</span>}
                </td>
                <td className="px-3 py-2">{actionLabel(row.action)}</td>
                <td className="px-3 py-2">
                  {row.targetType ? <span className="text-slate-600">{targetType(row.targetType)}</span> : null}
                  {row.targetLabel ? <span className="ml-1 font-medium">{row.targetLabel}</span> : null}
                  {!row.targetType && !row.targetLabel ? <span className="text-slate-500">—</span> : null}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{row.ip ?? <span className="text-slate-500">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {list.params.before || list.nextCursor ? (
        <nav aria-label={t("pagination")} className="flex items-center gap-3 text-sm">
          {list.params.before ? <Link href={href({})} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">{t("newest")}</Link> : null}
          {list.nextCursor ? <Link href={href({ before: list.nextCursor })} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-50">{t("older")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
