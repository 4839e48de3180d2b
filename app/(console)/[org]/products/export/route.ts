import { now } from "@/lib/clock";
import { orgParams, sessionRoute } from "@/lib/http/session-route";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { exportProducts, productsCsv } from "@/lib/products/export-products";
import { listProductsSchema, type ProductListItem } from "@/lib/products/list-products";

/** The list's own URL parameters (a malformed one falls back to its default, as on the list). */
const exportQuery = listProductsSchema.pick({ q: true, category: true, tagId: true, status: true, expiresWithin: true, sort: true, dir: true });

/**
 * PRD-1: the products list's current view (the same query string: search, filters, sort) as a CSV file,
 * every page of it. The first page is read before answering, so another Organization (or no right to
 * read products) is a plain 404 and not a broken download.
 */
export const GET = sessionRoute({ signedOut: "redirect", params: orgParams, query: exportQuery }, async ({ db, actor, params, query }) => {
  const batches = exportProducts(db, actor, { orgId: params.org, ...query });
  const first: IteratorResult<ProductListItem[]> = await batches.next();
  async function* all() {
    if (first.done) return;
    yield first.value;
    yield* batches;
  }
  const body = await productsCsv(all(), await resolveLocale());
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="products-${now().toISOString().slice(0, 10)}.csv"`,
    },
  });
});
