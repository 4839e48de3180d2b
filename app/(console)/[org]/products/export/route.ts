import { getActor } from "@/lib/auth/get-actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveLocale } from "@/lib/i18n/resolve-locale";
import { exportProducts, productsCsv } from "@/lib/products/export-products";
import type { ProductListItem } from "@/lib/products/list-products";
import { now } from "@/lib/clock";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

/**
 * PRD-1: the products list's current view (the same query string: search, filters, sort) as a CSV file,
 * every page of it. The first page is read before answering, so another Organization (or no right to
 * read products) is a plain 404 and not a broken download.
 */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  const actor = await getActor();
  if (!actor) return Response.redirect(new URL("/sign-in", request.url), 303);
  const sp = new URL(request.url).searchParams;
  const param = (name: string) => sp.get(name) ?? undefined;
  const batches = exportProducts(getDb(), actor, {
    orgId,
    q: param("q"),
    category: param("category"),
    tagId: param("tagId"),
    status: param("status"),
    expiresWithin: param("expiresWithin"),
    sort: param("sort"),
    dir: param("dir"),
  });
  let first: IteratorResult<ProductListItem[]>;
  try {
    first = await batches.next();
  } catch (err) {
    if (err instanceof AppError) return new Response("Not found", { status: 404, headers: PRIVATE });
    throw err;
  }
  async function* all() {
    if (first.done) return;
    yield first.value;
    yield* batches;
  }
  const body = await productsCsv(all(), await resolveLocale());
  return new Response(body, {
    headers: {
      ...PRIVATE,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="products-${now().toISOString().slice(0, 10)}.csv"`,
    },
  });
}
