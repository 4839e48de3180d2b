export type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  maximum?: number;
  minimum?: number;
  maxLength?: number;
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  items?: Schema;
};

/** A one-line reading of a JSON schema type: enums, unions, arrays, limits and formats. */
export function typeOf(s: Schema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  if (s.items) return `${typeOf(s.items)}[]`;
  const types = Array.isArray(s.type) ? s.type : [s.type ?? "any"];
  const base = types.map((t) => (t === "array" ? "any[]" : t === "string" && s.format ? `string (${s.format})` : t)).join(" | ");
  const limits = [
    s.minimum !== undefined ? `≥ ${s.minimum}` : null,
    s.maximum !== undefined ? `≤ ${s.maximum}` : null,
    s.maxLength !== undefined ? `≤ ${s.maxLength} chars` : null,
  ].filter(Boolean);
  return limits.length ? `${base} (${limits.join(", ")})` : base;
}

/** The fields of an object schema as a nested list; nested objects and lists of objects are unfolded. */
export function SchemaFields({ schema }: { schema: Schema }) {
  const entries = Object.entries(schema.properties ?? {});
  if (!entries.length) return null;
  return (
    <ul className="mt-1 list-disc pl-5">
      {entries.map(([name, s]) => {
        const inner = s.properties ? s : s.items?.properties ? s.items : (s.anyOf?.find((v) => v.properties) ?? null);
        return (
          <li key={name}>
            <code>{name}</code>
            {schema.required?.includes(name) ? " *" : ""} —{" "}
            <code className="text-xs">{inner ? (s.items ? "object[]" : "object") : typeOf(s)}</code> {s.description ?? ""}
            {inner ? <SchemaFields schema={inner} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
