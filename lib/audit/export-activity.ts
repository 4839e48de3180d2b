import { createTranslator } from "use-intl/core";
import type { Actor } from "@/lib/access/actor";
import { requireMember } from "@/lib/access/require-access";
import { spreadsheetCsv } from "@/lib/csv/spreadsheet-csv";
import type { Db } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { listActivity, type ActivityItem, type ListActivityInput } from "./list-activity";

/** Rows read per statement: the list's largest page. */
const BATCH = 100;

export type ExportActivityInput = Omit<ListActivityInput, "before" | "perPage">;

/**
 * The activity log's current view (same filters, newest first) page after page through the list's own
 * keyset, so a long log is never held in memory. "audit.read" is checked up front, so a refusal throws
 * before anything is sent, and again by every page read.
 */
export async function* exportActivity(db: Db, actor: Actor, input: ExportActivityInput): AsyncGenerator<ActivityItem[]> {
  const access = await requireMember(db, actor, input.orgId, "audit.read");
  // The membership just read serves every page of this export (see Actor.memberships).
  const reader: Actor = actor.kind === "user" ? { ...actor, memberships: new Map([[access.orgId, { id: access.membershipId, role: access.role }]]) } : actor;
  let before: string | undefined;
  do {
    const page = await listActivity(db, reader, { ...input, before, perPage: BATCH });
    if (page.items.length > 0) yield page.items;
    before = page.nextCursor ?? undefined;
  } while (before);
}

/**
 * The CSV of an activity export in the reader's language: times in ISO 8601 (UTC), so spreadsheets sort
 * them; kinds of actor, actions and target types translated, with the raw code when there is no label.
 */
export async function activityCsv(items: AsyncIterable<ActivityItem[]>, locale: AppLocale): Promise<ReadableStream<Uint8Array>> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "activity" });
  const label = (group: string, key: string) => {
    const path = `${group}.${key}` as "title";
    return t.has(path) ? t(path) : key;
  };
  const header = [t("columns.when"), t("csv.actorKind"), t("csv.actorName"), t("csv.actorEmail"), t("columns.what"), t("csv.targetType"), t("columns.target"), t("columns.ip")];
  return spreadsheetCsv(header, items, (r) => [
    r.at.toISOString(),
    label("actorKinds", r.actorKind),
    r.actorName,
    r.actorEmail,
    label("actions", r.action),
    r.targetType ? label("targetTypes", r.targetType) : null,
    r.targetLabel ?? r.targetId,
    r.ip,
  ]);
}
