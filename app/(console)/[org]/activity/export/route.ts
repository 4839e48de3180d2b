import { activityCsv, exportActivity } from "@/lib/audit/export-activity";
import { listActivitySchema } from "@/lib/audit/list-activity";
import { csvDownload } from "@/lib/http/csv-download";
import { orgParams, sessionRoute } from "@/lib/http/session-route";

/** The page's own URL parameters: action family and kind of actor (a malformed one is ignored, as on the page). */
const exportQuery = listActivitySchema.pick({ action: true, actorKind: true });

/** The activity log's current view as a CSV file, every page of it; another Organization is a plain 404. */
export const GET = sessionRoute({ signedOut: "redirect", params: orgParams, query: exportQuery }, async ({ db, actor, params, query }) =>
  csvDownload({ name: "activity", batches: exportActivity(db, actor, { orgId: params.org, ...query }), write: activityCsv }),
);
