import { sessionRoute } from "@/lib/http/session-route";
import { exportFormatSchema, exportPersonalData } from "@/lib/privacy/export-personal-data";
import { personalDataDownload } from "@/lib/privacy/personal-data-files";

/** GDPR "my data": the signed-in person's own data as JSON or CSV (`?format=`), streamed; nobody else's can be asked for. */
export const GET = sessionRoute({ signedOut: "redirect", query: exportFormatSchema }, async ({ db, actor, query }) =>
  personalDataDownload(exportPersonalData(db, actor, query.format), query.format),
);
