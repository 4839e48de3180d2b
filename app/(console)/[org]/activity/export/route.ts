import { exportActivity, activityCsv } from "@/lib/audit/export-activity";
import { getDb } from "@/lib/db";
import { csvDownload } from "@/lib/http/csv-download";

/** The activity log's current view (the page's query string: action family, kind of actor) as a CSV file, every page of it. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  return csvDownload(request, {
    name: "activity",
    read: (actor, sp) => exportActivity(getDb(), actor, { orgId, action: sp.get("action") ?? undefined, actorKind: sp.get("actorKind") ?? undefined }),
    write: activityCsv,
  });
}
