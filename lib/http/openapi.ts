import { z } from "zod";
import { TOKEN_SCOPES } from "@/lib/api-tokens/scopes";
import { ENDPOINTS } from "./api-endpoints";
import { LATEST_API_VERSION } from "./route";
import { snakeSchema } from "./snake-case";

type JsonSchema = Record<string, unknown>;

const ERROR_CODES = [
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "invalid_input",
  "rate_limited",
  "internal",
] as const;

const envelopeError = z.object({
  result: z.literal("error"),
  error: z.object({
    code: z.enum(ERROR_CODES),
    description: z.string().describe("English, for developers; do not parse it."),
    fields: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe("Per-field messages (400), by the name the request used."),
  }),
});

/** The error answers, each a reusable component: `code` is the key, the value its description. */
const ERROR_RESPONSES = {
  "400": ["BadRequest", "Invalid input (query, path or JSON body); `error.fields` names the fields."],
  "401": ["Unauthorized", "Missing, malformed, revoked, expired or disabled token."],
  "403": ["Forbidden", "The token's scopes or its owner's role do not allow this (API-6)."],
  "404": ["NotFound", "Not found, or belongs to another Organization (never revealed)."],
  "409": ["Conflict", "The request conflicts with the current state (a name already taken, the last legal representative…)."],
  "429": ["TooManyRequests", "More than 60 requests in a minute for this token (API-5); retry after `Retry-After` seconds."],
  "500": ["InternalError", "Unexpected error; nothing is leaked."],
} as const;
type ErrorStatus = keyof typeof ERROR_RESPONSES;

const rateLimitHeaders = {
  "X-RateLimit-Limit": { description: "Requests allowed per minute for this token (60).", schema: { type: "integer" } },
  "X-RateLimit-Remaining": { description: "Requests left in the current minute.", schema: { type: "integer" } },
  "X-RateLimit-Reset": { description: "Seconds until the budget is full again.", schema: { type: "integer" } },
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
    return {
      name,
      in: "query",
      required: json.required?.includes(name) ?? false,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** The success envelope around one endpoint's `data` (API-4), with the paging fields of lists. */
function successSchema(data: JsonSchema, paged: boolean): JsonSchema {
  const paging = paged
    ? {
        total: { type: "integer", description: "With `return=total`: the number of matching items." },
        page: { type: "integer" },
        per_page: { type: "integer" },
        next_cursor: { type: ["string", "null"], description: "Keyset cursor of the next page, where supported." },
      }
    : {};
  return { type: "object", required: ["result", "data"], properties: { result: { const: "success" }, data, ...paging } };
}

function errorStatuses(e: (typeof ENDPOINTS)[number]): ErrorStatus[] {
  const write = e.method !== "GET";
  return [
    ...(e.schema || e.paged ? (["400"] as const) : []),
    "401",
    "403",
    ...(e.pathParams?.length ? (["404"] as const) : []),
    ...(write ? (["409"] as const) : []),
    "429",
    "500",
  ];
}

/** API-3: the OpenAPI 3.1 document, generated from the endpoints' zod schemas (never written by hand). */
export function openApiDocument(serverUrl = `/api/${LATEST_API_VERSION}`) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const method = e.method.toLowerCase();
    const hasBody = e.method !== "GET" && e.method !== "DELETE";
    const parameters = [
      ...(e.pathParams ?? []).map((name) => ({ name, in: "path", required: true, schema: { type: "string", maxLength: 64 } })),
      ...(e.schema && !hasBody ? queryParameters(e.schema) : []),
    ];
    const success = e.successStatus ?? 200;
    const successes: Record<string, unknown> = {};
    for (const status of [success, ...(e.otherStatuses ?? [])]) {
      successes[String(status)] =
        status === 204
          ? { description: "Done; no content.", headers: rateLimitHeaders }
          : {
              description: status === 201 ? "Created." : "Success.",
              headers: rateLimitHeaders,
              content: {
                "application/json": { schema: successSchema(e.response ? snakeSchema(toSchema(e.response, "output")) : {}, Boolean(e.paged)) },
              },
            };
    }
    paths[e.path] ??= {};
    paths[e.path][method] = {
      operationId: `${method}${e.path.replace(/[{}]/g, "").replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`,
      summary: e.summary,
      ...(e.description ? { description: e.description } : {}),
      tags: [e.path.split("/")[1]],
      security: [{ bearer: [e.scope] }],
      "x-scope": e.scope,
      ...(parameters.length ? { parameters } : {}),
      ...(e.schema && hasBody
        ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(e.schema, "input") } } } }
        : {}),
      responses: {
        ...successes,
        ...Object.fromEntries(errorStatuses(e).map((c) => [c, { $ref: `#/components/responses/${ERROR_RESPONSES[c][0]}` }])),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Manager API",
      version: LATEST_API_VERSION,
      description:
        'Bearer-token REST API. Every answer with a body is `{"result":"success","data":…}` or `{"result":"error","error":{"code":…,"description":…}}`. Creations answer 201 with the new object, updates (PATCH/PUT) 200 with the updated object, deletions and links (PUT/DELETE of a relation) 204 without a body. 60 requests per minute per token; `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` on every answer. `/api/…` without a version means the latest.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: `API token (mgr_…), sent as \`Authorization: Bearer <token>\`. Scopes: ${TOKEN_SCOPES.join(", ")}; \`resource:write\` includes \`resource:read\`.`,
        },
      },
      schemas: { Error: toSchema(envelopeError, "output") },
      responses: Object.fromEntries(
        Object.values(ERROR_RESPONSES).map(([name, description]) => [
          name,
          {
            description,
            ...(name === "TooManyRequests"
              ? {
                  headers: {
                    "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } },
                    ...rateLimitHeaders,
                  },
                }
              : {}),
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        ]),
      ),
    },
    paths,
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
