import { orgParams, sessionRoute } from "@/lib/http/session-route";
import { listTagOptions, listTagOptionsSchema } from "@/lib/tags/list-tags";

/**
 * TAG-2/TAG-4: the tag pickers of the products pages ask here for the tags whose name contains `q`, so a
 * page carries only the first few of a large Organization. Another Organization (or no right to read
 * tags) is the same 404 as an unknown one; nothing is cached.
 */
export const GET = sessionRoute({ signedOut: "401", params: orgParams, query: listTagOptionsSchema.pick({ q: true }) }, async ({ db, actor, params, query }) => {
  const { tags, complete } = await listTagOptions(db, actor, { orgId: params.org, q: query.q });
  return Response.json({ tags, complete });
});
