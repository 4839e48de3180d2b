import { z } from "zod";
import { AppError } from "@/lib/errors";
import { countProducts } from "@/lib/products/count-products";
import { getProduct } from "@/lib/products/get-product";
import { listProducts, PRODUCT_SORTS, PRODUCT_STATUSES } from "@/lib/products/list-products";
import { dateOut, endpoint, idParam, pageOf, paging, tagOutSchema } from "../endpoint";

const MAX_PAGE_WALK = 200;

const productStatus = z.enum(PRODUCT_STATUSES);
const productItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string().describe("Category code."),
  expiresAt: dateOut,
  renewalPeriodMonths: z.number().int(),
  autoRenew: z.boolean(),
  status: productStatus,
  tags: z.array(tagOutSchema),
});
const party = z.object({ id: z.string(), name: z.string() });
const person = z.object({ id: z.string(), firstName: z.string(), lastName: z.string(), email: z.string() });
const productDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: productStatus,
  expiresAt: dateOut,
  renewalPeriodMonths: z.number().int(),
  priceMinor: z.number().int().describe("Integer minor units of `currency`."),
  currency: z.enum(["CHF", "EUR"]),
  autoRenew: z.boolean(),
  createdAt: dateOut,
  holderName: z.string(),
  holderEmail: z.string().nullable(),
  category: z.string(),
  tags: z.array(tagOutSchema),
  parties: z
    .object({
      holder: z.object({ name: z.string(), email: z.string().nullable() }),
      manager: party,
      payer: party,
      payerIsManager: z.boolean(),
    })
    .describe("PRD-2: the holder (owner), the managing Organization and the payer, which may differ."),
  access: z
    .object({
      byRole: z.array(z.object({ membershipId: z.string(), role: z.string(), user: person })),
      users: z.array(z.object({ id: z.string(), level: z.enum(["READ", "MANAGE"]), role: z.string(), user: person })),
      teams: z.array(z.object({ id: z.string(), level: z.enum(["READ", "MANAGE"]), team: party })),
    })
    .nullable()
    .describe("Who has access; null unless the token owner may see the members."),
  canChange: z.boolean().describe("False when the token owner holds the product through READ grants only: they may see it, not change it (PRD-3)."),
  canTag: z.boolean().describe("Whether the token owner may attach and detach tags on this product."),
});

const listProductsQuery = z.object({
  ...paging,
  order_by: z.enum(PRODUCT_SORTS).default("name").describe("Sort key."),
  q: z.string().trim().max(100).optional().describe("Search in the name."),
  category: z.string().max(40).optional().describe("Category code."),
  tag_id: z.string().max(64).optional().describe("Only products carrying this tag."),
  status: z.enum(PRODUCT_STATUSES).optional(),
  expires_within: z.coerce.number().int().min(0).max(3650).optional().describe("Only products expiring within this many days."),
  cursor: z
    .string()
    .max(400)
    .optional()
    .describe("Keyset cursor (`next_cursor` of the previous answer): constant cost at any depth; takes precedence over `page`."),
});

export const productsList = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/products",
  legacyPath: "/products",
  summary: "Products the token's owner may see (PRD-3), filtered and sorted.",
  description: `Paged by keyset on (sort key, id). \`page\` walks the pages from the first internally (up to page ${MAX_PAGE_WALK}); for deep paging follow \`next_cursor\` with \`cursor\`.`,
  scope: "products:read",
  action: "products.read",
  schema: listProductsQuery,
  response: z.array(productItemSchema),
  paged: true,
  handler: async ({ db, actor, orgId, input: q }) => {
    const filters = {
      orgId,
      q: q.q,
      category: q.category,
      tagId: q.tag_id,
      status: q.status,
      expiresWithin: q.expires_within,
    };
    const base = { ...filters, sort: q.order_by, dir: q.order, perPage: q.per_page };
    if (!q.cursor && q.page > MAX_PAGE_WALK) {
      throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { page: [`Use cursor beyond page ${MAX_PAGE_WALK}.`] });
    }
    const page = async () => {
      let after = q.cursor;
      if (!after && q.page > 1) {
        for (let p = 1; p < q.page; p++) {
          const skip = await listProducts(db, actor, { ...base, after });
          if (!skip.nextCursor) return { items: [], nextCursor: null };
          after = skip.nextCursor;
        }
      }
      return listProducts(db, actor, { ...base, after });
    };
    const [res, total] = await Promise.all([page(), countProducts(db, actor, filters)]);
    return pageOf(res.items, q, total, { next_cursor: res.nextCursor });
  },
});

export const productsGet = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/products/{id}",
  legacyPath: "/products/{id}",
  summary: "One product: details, the three parties (PRD-2), access and tags.",
  scope: "products:read",
  action: "products.read",
  response: productDetailSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, params }) => ({
    data: await getProduct(db, actor, { orgId, productId: idParam(params, "id") }),
  }),
});

export const PRODUCT_ENDPOINTS = [productsList, productsGet];
