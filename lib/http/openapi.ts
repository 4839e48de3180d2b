import { z } from "zod";
import { TOKEN_SCOPES } from "@/lib/api-tokens/scopes";
import { ENDPOINTS } from "./api-endpoints";
import { LATEST_API_VERSION } from "./route";

type JsonSchema = Record<string, unknown>;

const envelopeError = z.object({
  result: z.literal("error"),
  error: z.object({
    code: z.enum(["unauthenticated", "forbidden", "not_found", "conflict", "invalid_input", "rate_limited", "internal"]),
    description: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional().describe("Per-field messages (422)."),
  }),
});
const envelopeSuccess = z.object({
  result: z.literal("success"),
  data: z.unknown(),
  total: z.number().int().optional().describe("With `return=total`."),
  page: z.number().int().optional(),
  per_page: z.number().int().optional(),
  next_cursor: z.string().nullable().optional(),
});

const RESPONSES: Record<string, string> = {
  "401": "Missing, malformed, revoked, expired or disabled token.",
  "403": "The token's scopes or its owner's role do not allow this.",
  "404": "Not found, or belongs to another Organization.",
  "422": "Invalid input; `error.fields` names the fields.",
  "429": "More than 60 requests in a minute for this token; see `Retry-After`.",
  "500": "Unexpected error.",
};

function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  delete json.$schema;
  return json;
}

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = toSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: "query", required: json.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

/** API-3: the OpenAPI 3.1 document, generated from the endpoints' zod schemas (never written by hand). */
export function openApiDocument(serverUrl = `/api/${LATEST_API_VERSION}`) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const method = e.method.toLowerCase();
    const hasBody = e.method !== "GET" && e.method !== "DELETE";
    const parameters = [
      ...(e.pathParams ?? []).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
      ...(e.schema && !hasBody ? queryParameters(e.schema) : []),
    ];
    const success = String(e.successStatus ?? 200);
    const errorCodes = ["401", "403", ...(e.pathParams?.length ? ["404"] : []), ...(e.schema ? ["422"] : []), "429", "500"];
    paths[e.path] ??= {};
    paths[e.path][method] = {
      operationId: `${method}${e.path.replace(/[{}]/g, "").replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`,
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      security: [{ bearer: [e.scope] }],
      "x-scope": e.scope,
      ...(parameters.length ? { parameters } : {}),
      ...(e.schema && hasBody ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(e.schema, "input") } } } } : {}),
      responses: {
        [success]: { description: "Success.", content: { "application/json": { schema: { $ref: "#/components/schemas/Success" } } } },
        ...Object.fromEntries(
          errorCodes.map((c) => [c, { description: RESPONSES[c], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
        ),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Manager API",
      version: LATEST_API_VERSION,
      description:
        "Bearer-token REST API. Every answer is `{\"result\":\"success\",\"data\":…}` or `{\"result\":\"error\",\"error\":{\"code\":…,\"description\":…}}`. 60 requests per minute per token; `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` on every answer. `/api/…` without a version means the latest.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: `API token (mgr_…). Scopes: ${TOKEN_SCOPES.join(", ")}.` } },
      schemas: { Success: toSchema(envelopeSuccess, "output"), Error: toSchema(envelopeError, "output") },
    },
    paths,
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
