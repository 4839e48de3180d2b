import { listHref } from "@/lib/http/list-href";

/** The products list's URL parameters: every filter lives in the URL so a view can be shared. */
export type ProductsQuery = {
  q?: string;
  category?: string;
  tagId?: string;
  status?: string;
  expiresWithin?: number | string;
  sort?: string;
  dir?: string;
  after?: string;
  before?: string;
};

const DEFAULTS: Record<string, string> = { sort: "name", dir: "asc" };

export function productsHref(orgId: string, query: ProductsQuery, overrides: ProductsQuery = {}): string {
  const merged: ProductsQuery = { ...query, ...overrides };
  // A new filter or sort starts again from the first page.
  if (!("after" in overrides) && !("before" in overrides)) {
    delete merged.after;
    delete merged.before;
  }
  return listHref(`/${orgId}/products`, merged, DEFAULTS);
}

/** The CSV export of the view `query` describes (every page of it, whatever page is shown). */
export function productsExportHref(orgId: string, query: ProductsQuery): string {
  const { after: _after, before: _before, ...view } = query;
  return listHref(`/${orgId}/products/export`, view, DEFAULTS);
}
