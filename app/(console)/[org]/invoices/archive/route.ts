import { zipSync, type Zippable } from "fflate";
import { z } from "zod";
import { orgParams, sessionRoute } from "@/lib/http/session-route";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { invoicePdfWithExtras } from "@/lib/invoices/invoice-pdf-extras";
import { invoicesOfYear } from "@/lib/invoices/invoices-of-year";

/** BIL-7: "download all invoices of a year" — one ZIP with a PDF per invoice; a malformed year is a 400. */
export const GET = sessionRoute({ signedOut: "redirect", params: orgParams, query: z.object({ year: z.string().max(10).optional() }) }, async ({ db, actor, params, query }) => {
  const invoices = await invoicesOfYear(db, actor, { orgId: params.org, year: query.year });
  const locale = await resolveLocale();
  const files: Zippable = {};
  // PDFs are already compressed enough; level 0 keeps the ZIP fast.
  for (const invoice of invoices) files[`${invoice.number}.pdf`] = [new Uint8Array(await invoicePdfWithExtras(invoice, locale)), { level: 0 }];
  const zip = zipSync(files);
  return new Response(new Uint8Array(zip), {
    headers: { "Content-Type": "application/zip", "Content-Disposition": `attachment; filename="invoices-${Number(query.year)}.zip"` },
  });
});
