import { z } from "zod";
import type { TokenScope } from "@/lib/api-tokens/scopes";
import { AppError } from "@/lib/errors";
import { ROLES } from "@/lib/members/rules";
import { listMembers, MEMBER_SORTS, MEMBER_STATUSES } from "@/lib/members/list-members";
import { getOrganizationDetails } from "@/lib/orgs/get-organization-details";
import { countProducts } from "@/lib/products/count-products";
import { getProduct } from "@/lib/products/get-product";
import { listProducts, PRODUCT_SORTS, PRODUCT_STATUSES } from "@/lib/products/list-products";
import { attachTag } from "@/lib/tags/attach-tag";
import { createTag } from "@/lib/tags/create-tag";
import { deleteTag } from "@/lib/tags/delete-tag";
import { detachTag } from "@/lib/tags/detach-tag";
import { listTags } from "@/lib/tags/list-tags";
import { TAG_COLORS } from "@/lib/tags/palette";
import { updateTag } from "@/lib/tags/update-tag";
import { listTeams } from "@/lib/teams/list-teams";
import { route, type ApiSuccess, type HandlerArgs } from "./route";

/**
 * Every REST endpoint, declared once: its method and path (below `/api/{version}`), the scope it needs,
 * its zod input schema and its handler. The route files export `.handle`; the OpenAPI document is
 * generated from the same list (API-3), so a route cannot exist without being documented.
 */
export type EndpointSpec<S extends z.ZodType | undefined> = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  summary: string;
  description?: string;
  scope: TokenScope;
  /** Query parameters for GET/DELETE, JSON body otherwise. */
  schema?: S;
  /** The path parameters, by name. */
  pathParams?: string[];
  successStatus?: number;
  paged?: boolean;
  handler: (args: HandlerArgs<S>) => Promise<ApiSuccess>;
};

export function endpoint<S extends z.ZodType | undefined = undefined>(spec: EndpointSpec<S>) {
  return { ...spec, handle: route<S>(spec.handler, { schema: spec.schema }) };
}

const MAX_PAGE_WALK = 200;

const pageField = z.coerce.number().int().min(1).max(100_000).default(1).describe("Page number, from 1.");
const perPageField = z.coerce.number().int().min(1).max(100).default(25).describe("Items per page (at most 100).");
const orderField = z.enum(["asc", "desc"]).default("asc").describe("Sort direction.");
const returnField = z.enum(["total"]).optional().describe("`total` adds the number of matching items to the answer.");

const paging = { page: pageField, per_page: perPageField, order: orderField, return: returnField };

/**
 * Sorts and pages a list that a service answers whole (small by nature: tags, teams). Without `key` the
 * service's own order (by name) is kept, reversed for `order=desc`.
 */
function sortedPage<T>(items: T[], q: { page: number; per_page: number; order: "asc" | "desc"; return?: "total" }, key?: (t: T) => string | number): ApiSuccess {
  const d = q.order === "desc" ? -1 : 1;
  const sorted = key
    ? [...items].sort((a, b) => {
        const x = key(a);
        const y = key(b);
        return x < y ? -d : x > y ? d : 0;
      })
    : d < 0
      ? [...items].reverse()
      : items;
  const start = (q.page - 1) * q.per_page;
  return { data: sorted.slice(start, start + q.per_page), page: q.page, per_page: q.per_page, ...(q.return === "total" ? { total: items.length } : {}) };
}

const idParam = (params: Record<string, string>, name: string) => {
  const v = params[name];
  if (!v || v.length > 64) throw new AppError("NOT_FOUND");
  return v;
};

const tagOut = (t: { id: string; name: string; color: string }) => ({ id: t.id, name: t.name, color: t.color });

export const accountsCurrent = endpoint({
  method: "GET",
  path: "/accounts/current",
  summary: "The token's Organization: details, VAT number and billing addresses.",
  scope: "accounts:read",
  handler: async ({ db, actor }) => ({ data: await getOrganizationDetails(db, actor, { orgId: actor.orgId }) }),
});

const listProductsQuery = z.object({
  ...paging,
  order_by: z.enum(PRODUCT_SORTS).default("name").describe("Sort key."),
  q: z.string().trim().max(100).optional().describe("Search in the name."),
  category: z.string().max(40).optional().describe("Category code."),
  tag_id: z.string().max(64).optional().describe("Only products carrying this tag."),
  status: z.enum(PRODUCT_STATUSES).optional(),
  expires_within: z.coerce.number().int().min(0).max(3650).optional().describe("Only products expiring within this many days."),
  cursor: z.string().max(400).optional().describe("Keyset cursor (`next_cursor` of the previous answer): constant cost at any depth; takes precedence over `page`."),
});

export const productsList = endpoint({
  method: "GET",
  path: "/products",
  summary: "Products the token's owner may see (PRD-3), filtered and sorted.",
  description: `Paged by keyset on (sort key, id). \`page\` walks the pages from the first internally (up to page ${MAX_PAGE_WALK}); for deep paging follow \`next_cursor\` with \`cursor\`.`,
  scope: "products:read",
  schema: listProductsQuery,
  paged: true,
  handler: async ({ db, actor, input: q }) => {
    const filters = { orgId: actor.orgId, q: q.q, category: q.category, tagId: q.tag_id, status: q.status, expiresWithin: q.expires_within };
    const base = { ...filters, sort: q.order_by, dir: q.order, perPage: q.per_page };
    let after = q.cursor;
    if (!after && q.page > 1) {
      if (q.page > MAX_PAGE_WALK) throw new AppError("INVALID_INPUT", "errors.INVALID_INPUT", { page: [`Use cursor beyond page ${MAX_PAGE_WALK}.`] });
      for (let p = 1; p < q.page; p++) {
        const skip = await listProducts(db, actor, { ...base, after });
        if (!skip.nextCursor) return { data: [], page: q.page, per_page: q.per_page, next_cursor: null };
        after = skip.nextCursor;
      }
    }
    const [res, total] = await Promise.all([
      listProducts(db, actor, { ...base, after }),
      q.return === "total" ? countProducts(db, actor, filters) : Promise.resolve(undefined),
    ]);
    return { data: res.items, page: q.page, per_page: q.per_page, next_cursor: res.nextCursor, ...(total !== undefined ? { total } : {}) };
  },
});

export const productsGet = endpoint({
  method: "GET",
  path: "/products/{id}",
  summary: "One product: details, the three parties (PRD-2), access and tags.",
  scope: "products:read",
  pathParams: ["id"],
  handler: async ({ db, actor, params }) => ({ data: await getProduct(db, actor, { orgId: actor.orgId, productId: idParam(params, "id") }) }),
});

const listTagsQuery = z.object({ ...paging, order_by: z.enum(["name", "product_count"]).default("name").describe("Sort key.") });

export const tagsList = endpoint({
  method: "GET",
  path: "/tags",
  summary: "The Organization's tags with their product counts.",
  scope: "tags:read",
  schema: listTagsQuery,
  paged: true,
  handler: async ({ db, actor, input: q }) => {
    const tags = await listTags(db, actor, { orgId: actor.orgId });
    return sortedPage(tags, q, q.order_by === "product_count" ? (t) => t.productCount : undefined);
  },
});

const tagName = z.string().min(1).max(40).describe("1 to 40 characters; unique in the Organization whatever the case.");
const tagColor = z.enum(TAG_COLORS).describe("A colour of the fixed palette.");
const createTagBody = z.object({ name: tagName, color: tagColor });

export const tagsCreate = endpoint({
  method: "POST",
  path: "/tags",
  summary: "Creates a tag attached to no product.",
  scope: "tags:write",
  schema: createTagBody,
  successStatus: 201,
  handler: async ({ db, actor, input }) => ({ status: 201, data: tagOut(await createTag(db, actor, { orgId: actor.orgId, ...input })) }),
});

const updateTagBody = z.object({ name: tagName.optional(), color: tagColor.optional() });

export const tagsUpdate = endpoint({
  method: "PATCH",
  path: "/tags/{id}",
  summary: "Renames and/or recolours a tag.",
  scope: "tags:write",
  schema: updateTagBody,
  pathParams: ["id"],
  handler: async ({ db, actor, input, params }) => {
    const tagId = idParam(params, "id");
    const current = (await listTags(db, actor, { orgId: actor.orgId })).find((t) => t.id === tagId);
    if (!current) throw new AppError("NOT_FOUND");
    const tag = await updateTag(db, actor, { orgId: actor.orgId, tagId, name: input.name ?? current.name, color: input.color ?? (current.color as (typeof TAG_COLORS)[number]) });
    return { data: tagOut(tag) };
  },
});

export const tagsDelete = endpoint({
  method: "DELETE",
  path: "/tags/{id}",
  summary: "Deletes a tag; answers how many products lost it.",
  scope: "tags:write",
  pathParams: ["id"],
  handler: async ({ db, actor, params }) => ({ data: await deleteTag(db, actor, { orgId: actor.orgId, tagId: idParam(params, "id") }) }),
});

const attachBody = z.union([
  z.object({ tag_id: z.string().min(1).max(64).describe("An existing tag.") }),
  z.object({ name: tagName.describe("An existing tag of that name (any case) is reused, else one is created."), color: tagColor.optional() }),
]);

export const productTagsAttach = endpoint({
  method: "POST",
  path: "/products/{id}/tags",
  summary: "Attaches a tag (existing, or created by name) to a product.",
  scope: "tags:write",
  schema: attachBody,
  pathParams: ["id"],
  handler: async ({ db, actor, input, params }) => {
    const productIds = [idParam(params, "id")];
    const res =
      "tag_id" in input
        ? await attachTag(db, actor, { orgId: actor.orgId, productIds, tagId: input.tag_id })
        : await attachTag(db, actor, { orgId: actor.orgId, productIds, name: input.name, color: input.color });
    return { status: res.created ? 201 : 200, data: { tag: tagOut(res.tag), created: res.created, attached: res.attached > 0 } };
  },
});

export const productTagAttach = endpoint({
  method: "POST",
  path: "/products/{id}/tags/{tagId}",
  summary: "Attaches an existing tag to a product.",
  scope: "tags:write",
  pathParams: ["id", "tagId"],
  handler: async ({ db, actor, params }) => {
    const res = await attachTag(db, actor, { orgId: actor.orgId, productIds: [idParam(params, "id")], tagId: idParam(params, "tagId") });
    return { data: { tag: tagOut(res.tag), created: false, attached: res.attached > 0 } };
  },
});

export const productTagDetach = endpoint({
  method: "DELETE",
  path: "/products/{id}/tags/{tagId}",
  summary: "Detaches a tag from a product.",
  scope: "tags:write",
  pathParams: ["id", "tagId"],
  handler: async ({ db, actor, params }) => ({ data: await detachTag(db, actor, { orgId: actor.orgId, productId: idParam(params, "id"), tagId: idParam(params, "tagId") }) }),
});

const listUsersQuery = z.object({
  ...paging,
  order_by: z.enum(MEMBER_SORTS).default("name").describe("Sort key."),
  q: z.string().trim().max(100).optional().describe("Search in name and e-mail."),
  role: z.enum(ROLES).optional(),
  team_id: z.string().max(64).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
});

export const usersList = endpoint({
  method: "GET",
  path: "/users",
  summary: "The Organization's members and pending invitations.",
  scope: "users:read",
  schema: listUsersQuery,
  paged: true,
  handler: async ({ db, actor, input: q }) => {
    const res = await listMembers(db, actor, { orgId: actor.orgId, q: q.q, role: q.role, teamId: q.team_id, status: q.status, sort: q.order_by, dir: q.order, page: q.page, perPage: q.per_page });
    const data = res.items.map((m) => ({ kind: m.kind, id: m.id, user_id: m.userId, name: m.name, email: m.email, role: m.role, teams: m.teams, last_sign_in_at: m.lastSignInAt, invitation_expires_at: m.invitationExpiresAt, status: m.status }));
    return { data, page: q.page, per_page: q.per_page, ...(q.return === "total" ? { total: res.total } : {}) };
  },
});

const listTeamsQuery = z.object({ ...paging, order_by: z.enum(["name", "created"]).default("name").describe("Sort key.") });

export const teamsList = endpoint({
  method: "GET",
  path: "/teams",
  summary: "The Organization's teams with member and product counts.",
  scope: "teams:read",
  schema: listTeamsQuery,
  paged: true,
  handler: async ({ db, actor, input: q }) => {
    const { items } = await listTeams(db, actor, { orgId: actor.orgId });
    return sortedPage(items, q, q.order_by === "created" ? (t) => t.createdAt.getTime() : undefined);
  },
});

export const ENDPOINTS = [accountsCurrent, productsList, productsGet, productTagsAttach, productTagAttach, productTagDetach, tagsList, tagsCreate, tagsUpdate, tagsDelete, usersList, teamsList];
