import { errorResponse, API_VERSIONS } from "@/lib/http/route";
import { openApiDocument } from "@/lib/http/openapi";

export const dynamic = "force-dynamic";

/** API-3: the OpenAPI 3.1 document (public: it describes the API, it grants nothing). */
export async function GET(_request: Request, context: { params: Promise<{ version?: string }> }): Promise<Response> {
  const { version } = (await context?.params) ?? {};
  if (version !== undefined && !(API_VERSIONS as readonly string[]).includes(version)) return errorResponse(404, "not_found", "Unknown API version.");
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
