import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ActivityItem } from "@/lib/audit/list-activity";

/** The latest entries of the activity log (for those who may read it), leading to the whole log. */
export async function RecentActivity({ orgId, items }: { orgId: string; items: ActivityItem[] }) {
  const [t, tActivity, format] = await Promise.all([getTranslations("dashboard"), getTranslations("activity"), getFormatter()]);
  const label = (group: string, key: string) => (tActivity.has(`${group}.${key}`) ? tActivity(`${group}.${key}`) : key);
  return (
    <section aria-labelledby="dashboard-activity" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="recent-activity">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="dashboard-activity" className="text-base font-semibold">
          {t("activityTitle")}
        </h2>
        <Link href={`/${orgId}/activity`} className="text-sm text-brand-700 underline">
          {t("activityAll")}
        </Link>
      </div>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("activityNone")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {items.map((row) => (
            <li key={row.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm" data-testid="recent-activity-row">
              <span>
                <span className="font-medium">{label("actions", row.action)}</span>
                {row.targetLabel ? <span className="text-slate-600"> · {row.targetLabel}</span> : null}
                <span className="text-slate-600"> · {row.actorName ?? label("actorKinds", row.actorKind)}</span>
              </span>
              <time dateTime={row.at.toISOString()} className="text-slate-700">
                {format.dateTime(row.at, { dateStyle: "medium", timeStyle: "short" })}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
