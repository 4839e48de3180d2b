/**
 * The REST API names every field in snake_case (like its `per_page`, `order_by` parameters), while the
 * services answer in camelCase: answers and their documented schemas are renamed here, in one place.
 * Only camelCase names change (`expiresAt` → `expires_at`); `CHF`, ids and snake_case names stay as
 * they are.
 */
export function snakeName(name: string): string {
  return /^[a-z][a-zA-Z0-9]*$/.test(name) ? name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase() : name;
}

/** Field names are few and repeat in every row of every answer: each is converted once per process. */
const converted = new Map<string, string>();
const MAX_REMEMBERED = 2_000;

function snakeKey(name: string): string {
  let out = converted.get(name);
  if (out === undefined) {
    out = snakeName(name);
    // Keys are the services' field names, but a map (e.g. of ids) must not grow the cache forever.
    if (converted.size < MAX_REMEMBERED) converted.set(name, out);
  }
  return out;
}

/** A JSON-ready value with every object key renamed (dates become ISO strings as JSON would make them). */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[snakeKey(key)] = snakeKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

type JsonSchema = { [key: string]: unknown };

/** The same renaming for a JSON Schema: property names and `required` lists, at every depth. */
export function snakeSchema<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(snakeSchema) as T;
  if (!schema || typeof schema !== "object") return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema as JsonSchema)) {
    if (key === "properties" && value && typeof value === "object") {
      out[key] = Object.fromEntries(Object.entries(value as JsonSchema).map(([k, v]) => [snakeName(k), snakeSchema(v)]));
    } else if (key === "required" && Array.isArray(value)) {
      out[key] = value.map((k) => (typeof k === "string" ? snakeName(k) : k));
    } else {
      out[key] = snakeSchema(value);
    }
  }
  return out as T;
}
