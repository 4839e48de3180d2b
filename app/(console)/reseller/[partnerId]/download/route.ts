import { z } from "zod";
import { csvDownload } from "@/lib/http/csv-download";
import { idParam, sessionRoute } from "@/lib/http/session-route";
import { BILLING_HISTORIES, clientBillingCsv, exportClientBilling, type ExportClientBillingInput } from "@/lib/partners/export-client-billing";

const params = z.object({ partnerId: idParam });
// The service parses the query after checking the partner, so another partner is a 404 whatever the query.
const query = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/**
 * PRT-8: "Download" of the reseller area — the billing history (invoices, orders or payments) of the
 * clients this person manages, all of them or the ticked ones, for a period, streamed as CSV. Another
 * partner's id is a plain 404.
 */
export const GET = sessionRoute({ signedOut: "redirect", params, query }, async ({ db, actor, params, query }) => {
  const history = BILLING_HISTORIES.find((h) => h === query.history) ?? "invoices";
  return csvDownload({
    name: `billing-${history}`,
    batches: exportClientBilling(db, actor, { ...query, partnerId: params.partnerId } as ExportClientBillingInput),
    write: clientBillingCsv(history),
  });
});
