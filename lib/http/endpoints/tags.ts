import { z } from "zod";
import { AppError } from "@/lib/errors";
import { attachTag } from "@/lib/tags/attach-tag";
import { createTag } from "@/lib/tags/create-tag";
import { deleteTag } from "@/lib/tags/delete-tag";
import { detachTag } from "@/lib/tags/detach-tag";
import { listTags } from "@/lib/tags/list-tags";
import { TAG_COLORS } from "@/lib/tags/palette";
import { updateTag } from "@/lib/tags/update-tag";
import type { Db } from "@/lib/db";
import type { TokenActor } from "@/lib/api-tokens/authenticate-api-token";
import { endpoint, idParam, NO_CONTENT, paging, sortedPage, tagOut, tagOutSchema } from "../endpoint";

const tagSummarySchema = tagOutSchema.extend({ productCount: z.number().int() });

const listTagsQuery = z.object({ ...paging, order_by: z.enum(["name", "product_count"]).default("name").describe("Sort key.") });

export const tagsList = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/tags",
  legacyPath: "/tags",
  summary: "The Organization's tags with their product counts.",
  scope: "tags:read",
  action: "tags.read",
  schema: listTagsQuery,
  response: z.array(tagSummarySchema),
  paged: true,
  handler: async ({ db, actor, orgId, input: q }) => {
    const tags = await listTags(db, actor, { orgId });
    return sortedPage(tags, q, q.order_by === "product_count" ? (t) => t.productCount : undefined);
  },
});

const tagName = z.string().min(1).max(40).describe("1 to 40 characters; unique in the Organization whatever the case.");
const tagColor = z.enum(TAG_COLORS).describe("A colour of the fixed palette.");
const createTagBody = z.object({ name: tagName, color: tagColor });

export const tagsCreate = endpoint({
  method: "POST",
  path: "/accounts/{account_id}/tags",
  legacyPath: "/tags",
  summary: "Creates a tag attached to no product.",
  scope: "tags:write",
  action: "tags.manage",
  schema: createTagBody,
  response: tagOutSchema,
  successStatus: 201,
  handler: async ({ db, actor, orgId, input }) => ({
    status: 201,
    data: tagOut(await createTag(db, actor, { orgId, ...input })),
  }),
});

/** One tag of the token's Organization with its product count, or NOT_FOUND (another tenant's id too). */
async function findTag(db: Db, actor: TokenActor, orgId: string, tagId: string) {
  const [tag] = await listTags(db, actor, { orgId, tagId });
  if (!tag) throw new AppError("NOT_FOUND");
  return tag;
}

export const tagsGet = endpoint({
  method: "GET",
  path: "/accounts/{account_id}/tags/{id}",
  legacyPath: "/tags/{id}",
  summary: "One tag with its product count.",
  scope: "tags:read",
  action: "tags.read",
  response: tagSummarySchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, params }) => ({ data: await findTag(db, actor, orgId, idParam(params, "id")) }),
});

const updateTagBody = z.object({ name: tagName.optional(), color: tagColor.optional() });

export const tagsUpdate = endpoint({
  method: "PATCH",
  path: "/accounts/{account_id}/tags/{id}",
  legacyPath: "/tags/{id}",
  summary: "Renames and/or recolours a tag.",
  scope: "tags:write",
  action: "tags.manage",
  schema: updateTagBody,
  response: tagOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, input, params }) => {
    const tagId = idParam(params, "id");
    const current = await findTag(db, actor, orgId, tagId);
    const tag = await updateTag(db, actor, {
      orgId,
      tagId,
      name: input.name ?? current.name,
      color: input.color ?? (current.color as (typeof TAG_COLORS)[number]),
    });
    return { data: tagOut(tag) };
  },
});

export const tagsPut = endpoint({
  method: "PUT",
  path: "/accounts/{account_id}/tags/{id}",
  legacyPath: "/tags/{id}",
  summary: "Replaces a tag's name and colour (both required).",
  scope: "tags:write",
  action: "tags.manage",
  schema: z.object({ name: tagName, color: tagColor }),
  response: tagOutSchema,
  pathParams: ["id"],
  handler: async ({ db, actor, orgId, input, params }) => ({
    data: tagOut(await updateTag(db, actor, { orgId, tagId: idParam(params, "id"), name: input.name, color: input.color })),
  }),
});

export const tagsDelete = endpoint({
  method: "DELETE",
  path: "/accounts/{account_id}/tags/{id}",
  legacyPath: "/tags/{id}",
  summary: "Deletes a tag; the products carrying it lose it.",
  scope: "tags:write",
  action: "tags.manage",
  pathParams: ["id"],
  successStatus: 204,
  handler: async ({ db, actor, orgId, params }) => {
    await deleteTag(db, actor, { orgId, tagId: idParam(params, "id") });
    return NO_CONTENT;
  },
});

const attachBody = z.union([
  z.object({ tag_id: z.string().min(1).max(64).describe("An existing tag.") }),
  z.object({
    name: tagName.describe("An existing tag of that name (any case) is reused, else one is created."),
    color: tagColor.optional(),
  }),
]);

export const productTagsAttach = endpoint({
  method: "POST",
  path: "/accounts/{account_id}/products/{id}/tags",
  legacyPath: "/products/{id}/tags",
  summary: "Attaches a tag (existing, or created by name) to a product.",
  description: "201 when the tag was created by this request, 200 when an existing tag was attached.",
  scope: "tags:write",
  action: "tags.manage",
  schema: attachBody,
  response: z.object({
    tag: tagOutSchema,
    created: z.boolean(),
    attached: z.boolean().describe("False when the product already carried it."),
  }),
  pathParams: ["id"],
  otherStatuses: [201],
  handler: async ({ db, actor, orgId, input, params }) => {
    const productIds = [idParam(params, "id")];
    const res =
      "tag_id" in input
        ? await attachTag(db, actor, { orgId, productIds, tagId: input.tag_id })
        : await attachTag(db, actor, { orgId, productIds, name: input.name, color: input.color });
    return { status: res.created ? 201 : 200, data: { tag: tagOut(res.tag), created: res.created, attached: res.attached > 0 } };
  },
});

export const productTagAttach = endpoint({
  method: "PUT",
  path: "/accounts/{account_id}/products/{id}/tags/{tagId}",
  legacyPath: "/products/{id}/tags/{tagId}",
  summary: "Attaches an existing tag to a product (nothing changes if it already carries it).",
  scope: "tags:write",
  action: "tags.manage",
  pathParams: ["id", "tagId"],
  successStatus: 204,
  handler: async ({ db, actor, orgId, params }) => {
    await attachTag(db, actor, { orgId, productIds: [idParam(params, "id")], tagId: idParam(params, "tagId") });
    return NO_CONTENT;
  },
});

export const productTagDetach = endpoint({
  method: "DELETE",
  path: "/accounts/{account_id}/products/{id}/tags/{tagId}",
  legacyPath: "/products/{id}/tags/{tagId}",
  summary: "Detaches a tag from a product (nothing changes if it does not carry it).",
  scope: "tags:write",
  action: "tags.manage",
  pathParams: ["id", "tagId"],
  successStatus: 204,
  handler: async ({ db, actor, orgId, params }) => {
    await detachTag(db, actor, { orgId, productId: idParam(params, "id"), tagId: idParam(params, "tagId") });
    return NO_CONTENT;
  },
});

export const TAG_ENDPOINTS = [
  productTagsAttach,
  productTagAttach,
  productTagDetach,
  tagsList,
  tagsCreate,
  tagsGet,
  tagsUpdate,
  tagsPut,
  tagsDelete,
];
