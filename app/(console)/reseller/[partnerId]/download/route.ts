import { z } from "zod";
import { csvDownload } from "@/lib/http/csv-download";
import { idParam, sessionRoute } from "@/lib/http/session-route";
import { clientBillingCsv, exportClientBilling, exportClientBillingFields } from "@/lib/partners/export-client-billing";

const params = z.object({ partnerId: idParam });
const query = exportClientBillingFields.omit({ partnerId: true });

/**
 * PRT-8: "Download" of the reseller area — the billing history (invoices, orders or payments) of the
 * clients this person manages, all of them or the ticked ones, for a period, streamed as CSV. Another
 * partner's id is a plain 404.
 */
export const GET = sessionRoute({ signedOut: "redirect", params, query }, async ({ db, actor, params, query }) =>
  csvDownload({
    name: `billing-${query.history}`,
    batches: exportClientBilling(db, actor, { ...query, partnerId: params.partnerId }),
    write: clientBillingCsv(query.history),
  }),
);
