import { csvDownload } from "@/lib/http/csv-download";
import { orgParams, sessionRoute } from "@/lib/http/session-route";
import { exportProducts, productsCsv } from "@/lib/products/export-products";
import { listProductsSchema } from "@/lib/products/list-products";

/** The list's own URL parameters (a malformed one falls back to its default, as on the list). */
const exportQuery = listProductsSchema.pick({ q: true, category: true, tagId: true, status: true, expiresWithin: true, sort: true, dir: true });

/**
 * PRD-1: the products list's current view (the same query string: search, filters, sort) as a CSV file,
 * every page of it. Another Organization is a plain 404, not a broken download.
 */
export const GET = sessionRoute({ signedOut: "redirect", params: orgParams, query: exportQuery }, async ({ db, actor, params, query }) =>
  csvDownload({ name: "products", batches: exportProducts(db, actor, { orgId: params.org, ...query }), write: productsCsv }),
);
