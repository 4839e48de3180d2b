import { z } from "zod";
import { TOKEN_SCOPES } from "@/lib/api-tokens/scopes";
import { ENDPOINTS } from "./api-endpoints";
import { LATEST_API_VERSION } from "./route";
import { snakeSchema } from "./snake-case";

type JsonSchema = Record<string, unknown>;

const ERROR_CODES = [
  "unauthenticated",
  "account_required",
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
    errors: z
      .array(
        z.object({
          code: z.string().describe("A stable code: `required`, `invalid`, `too_long`, `missing_scope`…"),
          description: z.string(),
          context: z.record(z.string(), z.string()).describe("`field`: the input's name as the request used it (400); `scope`: the scope missing (403)."),
        }),
      )
      .describe("The details: one per field message for invalid input; empty when there is nothing more to say."),
  }),
});

/** The error answers, each a reusable component: `code` is the key, the value its description. */
const ERROR_RESPONSES = {
  "400": ["BadRequest", "Invalid input (query, path or JSON body): `error.errors` names each field in `context.field`. On a deprecated path, `account_required` when the token can act in several Organizations (or none)."],
  "401": ["Unauthorized", "Missing, malformed, revoked, expired or disabled token."],
  "403": ["Forbidden", "The token's scopes or its owner's role do not allow this (API-6)."],
  "404": ["NotFound", "Not found: an unknown id, another Organization's, or an Organization the token cannot act in (never revealed)."],
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

/**
 * Drops the bounds zod gives every `.int()` (± Number.MAX_SAFE_INTEGER): they say nothing to a reader, and
 * renderers would take the lower one as the example (a `created_at` of -9007199254740991).
 */
function withoutSafeIntegerBounds(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(withoutSafeIntegerBounds);
  if (!node || typeof node !== "object") return;
  const o = node as JsonSchema;
  if (o.minimum === Number.MIN_SAFE_INTEGER) delete o.minimum;
  if (o.maximum === Number.MAX_SAFE_INTEGER) delete o.maximum;
  Object.values(o).forEach(withoutSafeIntegerBounds);
}

function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  delete json.$schema;
  withoutSafeIntegerBounds(json);
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
function successSchema(data: JsonSchema, paged: boolean, cursor: boolean): JsonSchema {
  const paging = paged
    ? {
        total: { type: "integer", description: "The number of matching items." },
        pages: { type: "integer", description: "The number of pages at this `per_page` (at least 1)." },
        items_per_page: { type: "integer" },
        page: { type: "integer" },
        ...(cursor ? { next_cursor: { type: ["string", "null"], description: "Keyset cursor of the next page (pass it as `cursor`)." } } : {}),
      }
    : {};
  const required = ["result", "data", ...(paged ? ["total", "pages", "items_per_page", "page"] : [])];
  return { type: "object", required, properties: { result: { const: "success" }, data, ...paging } };
}

type Endpoint = (typeof ENDPOINTS)[number];

function operationId(method: string, path: string): string {
  return `${method}${path.replace(/[{}]/g, "").replace(/[/_-](\w)/g, (_, c: string) => c.toUpperCase())}`;
}

function errorStatuses(e: Endpoint, legacy: boolean): ErrorStatus[] {
  const write = e.method !== "GET";
  return [
    ...(e.schema || e.paged || legacy ? (["400"] as const) : []),
    "401",
    "403",
    ...(e.pathParams?.length || e.path.includes("{account_id}") ? (["404"] as const) : []),
    ...(write ? (["409"] as const) : []),
    "429",
    "500",
  ];
}

/** One operation of an endpoint, at one of its paths (a legacy one is marked deprecated). */
function operation(e: Endpoint, path: string, legacy: boolean) {
  const method = e.method.toLowerCase();
  const hasBody = e.method !== "GET" && e.method !== "DELETE";
  const names = [...(!legacy && e.path.includes("{account_id}") ? ["account_id"] : []), ...(e.pathParams ?? [])];
  const parameters = [
    ...names.map((name) => ({
      name,
      in: "path",
      required: true,
      ...(name === "account_id" ? { description: "An Organization the token can act in (GET /1/accounts)." } : {}),
      schema: { type: "string", maxLength: 64 },
    })),
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
            content: e.produces
              ? { [e.produces]: { schema: { type: "string", format: "binary" } } }
              : {
                  "application/json": {
                    // Keyset-paged lists (their query takes a `cursor`) also answer `next_cursor`.
                    schema: successSchema(e.response ? snakeSchema(toSchema(e.response, "output")) : {}, Boolean(e.paged), e.schema instanceof z.ZodObject && "cursor" in e.schema.shape),
                  },
                },
          };
  }
  return {
    operationId: operationId(method, path),
    summary: e.summary,
    ...(legacy
      ? {
          deprecated: true,
          description: `Deprecated alias of \`${e.method} /${e.versions[e.versions.length - 1]}${e.path}\`, acting in the token's only Organization (the one it is restricted to, or its owner's only one; otherwise 400 \`account_required\`). Answers \`Deprecation\` and \`Link: <…>; rel="successor-version"\` headers.`,
        }
      : e.description
        ? { description: e.description }
        : {}),
    // The resource: a deprecated path (`/products/{id}`) names it first, a current one after `/accounts/{account_id}`.
    tags: [((legacy ? e.legacyPath : undefined) ?? e.path).split("/").filter((p) => p && !p.startsWith("{"))[legacy ? 0 : 1] ?? "accounts"],
    security: [{ bearer: [e.scope] }],
    "x-scope": e.scope,
    ...(parameters.length ? { parameters } : {}),
    ...(e.schema && hasBody ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(e.schema, "input") } } } } : {}),
    responses: {
      ...successes,
      ...Object.fromEntries(errorStatuses(e, legacy).map((c) => [c, { $ref: `#/components/responses/${ERROR_RESPONSES[c][0]}` }])),
    },
  };
}

/**
 * API-3: the OpenAPI 3.1 document, generated from the endpoints' zod schemas (never written by hand).
 * Paths carry their version (`/1/accounts`, `/2/accounts/{account_id}/users`) below the server `/api`;
 * the deprecated one-Organization paths are listed as deprecated operations.
 */
export function openApiDocument(serverUrl = "/api") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    const method = e.method.toLowerCase();
    for (const version of e.versions) (paths[`/${version}${e.path}`] ??= {})[method] = operation(e, `/${version}${e.path}`, false);
    if (e.legacyPath) (paths[`/1${e.legacyPath}`] ??= {})[method] = operation(e, `/1${e.legacyPath}`, true);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Manager API",
      version: LATEST_API_VERSION,
      description:
        'Bearer-token REST API with personal tokens: a token acts in every Organization its owner belongs to (or those it was restricted to), with the owner\'s role there. List them with `GET /1/accounts`, then work in one under `/{version}/accounts/{account_id}/…`; an Organization the token cannot act in answers 404. Every answer with a body is `{"result":"success","data":…}` — lists add `total`, `pages`, `items_per_page` and `page` (`page` and `per_page` choose the page) — or `{"result":"error","error":{"code":…,"description":…,"errors":[{"code","description","context"}]}}`. Creations answer 201 with the new object, updates (PATCH/PUT) 200 with the updated object, deletions and links (PUT/DELETE of a relation) 204 without a body. 60 requests per minute per token; `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` on every answer. `/api/…` without a version means the latest version of that path.',
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
