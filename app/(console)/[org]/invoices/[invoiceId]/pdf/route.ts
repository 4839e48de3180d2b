import { z } from "zod";
import { idParam, orgParams, sessionRoute } from "@/lib/http/session-route";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { invoicePdfWithExtras } from "@/lib/invoices/invoice-pdf-extras";

/** BIL-7: one invoice as a PDF download (print it from the viewer); another Organization's is a plain 404. */
export const GET = sessionRoute({ signedOut: "redirect", params: orgParams.extend({ invoiceId: idParam }), query: z.object({}).passthrough() }, async ({ db, actor, params }) => {
  const invoice = await getInvoice(db, actor, { orgId: params.org, invoiceId: params.invoiceId });
  const pdf = await invoicePdfWithExtras(invoice, await resolveLocale());
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${invoice.number}.pdf"` },
  });
});
