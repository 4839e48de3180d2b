import { getDb } from "@/lib/db";
import { csvDownload } from "@/lib/http/csv-download";
import { exportProducts, productsCsv } from "@/lib/products/export-products";

/**
 * PRD-1: the products list's current view (the same query string: search, filters, sort) as a CSV file,
 * every page of it. Another Organization is a plain 404, not a broken download.
 */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org: orgId } = await params;
  return csvDownload(request, {
    name: "products",
    read: (actor, sp) => {
      const param = (name: string) => sp.get(name) ?? undefined;
      return exportProducts(getDb(), actor, {
        orgId,
        q: param("q"),
        category: param("category"),
        tagId: param("tagId"),
        status: param("status"),
        expiresWithin: param("expiresWithin"),
        sort: param("sort"),
        dir: param("dir"),
      });
    },
    write: productsCsv,
  });
}
