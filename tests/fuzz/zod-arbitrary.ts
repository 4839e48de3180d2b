import fc from "fast-check";
import { z } from "zod";

/**
 * SEC-5 fuzzing: fast-check arbitraries derived from the zod schemas of the entry points (through zod's
 * JSON Schema output, read on its input side), plus hostile variants of them — wrong types, empty and huge
 * strings, any unicode (control characters, NUL, lone surrogates), nulls, unknown fields, arrays where an
 * object is expected, and ids of another tenant's rows. An entry point with a schema is fuzzed from that
 * schema alone: nothing is written per endpoint or per action.
 */

type Js = Record<string, unknown>;

/** The ids a generated input may name: the caller's own rows and another Organization's. */
export type IdPool = { own: string[]; foreign: string[]; /** The caller's Organization and another one, for `orgId` fields. */ orgs?: { own: string; foreign: string } };

/** Field names that carry ids: `id`, `orgId`, `product_ids`, `membershipIds`… */
const ID_NAME = /(^id$|Id$|_id$|Ids$|_ids$|^ids$)/;

const ORG_NAME = /^(orgId|org_id|account_id|organizationId)$/;

const pick = (list: () => string[]) => fc.nat().map((i) => list()[i % Math.max(1, list().length)] ?? "");

/** Any UTF-16 code unit, lone surrogates included. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDFFFy",
    "\uFEFF",
    "\u202Eevil",
    "\r\n\t\u0007\u001b[31m",
    "'; DROP TABLE users; --",
    "<script>alert(1)</script>",
    "=HYPERLINK(\"x\")",
    "../../../etc/passwd",
    "%00%ff",
    "NaN",
    "-0",
    "1e309",
    "9".repeat(400),
    "null",
    "true",
    "[]",
    "{}",
    "__proto__",
    "constructor",
    "🙂‍↔️",
    "x".repeat(100_000),
  ),
  fc.string({ unit: anyCodeUnit, maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", minLength: 200, maxLength: 600 }),
);

/** A value of any JSON type, hostile strings included; arrays and objects nest a little. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { weight: 5, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 63), 1e308, 0.5)) },
    { weight: 1, arbitrary: fc.array(tie("v"), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), tie("v"), { maxKeys: 3 }) },
  ),
})).v;

/** An id: one of the caller's, another Organization's, or something that is not an id at all. */
export function idArbitrary(ids: IdPool, name = ""): fc.Arbitrary<string> {
  // An Organization field mostly names the caller's own, so that what lies behind the access check is reached too.
  if (ORG_NAME.test(name) && ids.orgs) {
    const orgs = ids.orgs;
    return fc.oneof(
      { weight: 8, arbitrary: fc.constant(0).map(() => orgs.own) },
      { weight: 1, arbitrary: fc.constant(0).map(() => orgs.foreign) },
      { weight: 1, arbitrary: hostileString },
    );
  }
  return fc.oneof(
    { weight: 6, arbitrary: pick(() => ids.own) },
    { weight: 2, arbitrary: pick(() => ids.foreign) },
    { weight: 1, arbitrary: fc.constantFrom("cfuzzdoesnotexist000000000", "0", "-1", "00000000-0000-0000-0000-000000000000", "a".repeat(65)) },
    { weight: 1, arbitrary: hostileString },
  );
}

type Ctx = { root: Js; ids: IdPool; depth: number };

function resolve(s: Js, ctx: Ctx): Js {
  const ref = s.$ref;
  if (typeof ref !== "string") return s;
  const name = ref.split("/").pop()!;
  const defs = (ctx.root.$defs ?? ctx.root.definitions ?? {}) as Record<string, Js>;
  return defs[name] ?? {};
}

function stringArbitrary(s: Js, name: string, ctx: Ctx): fc.Arbitrary<string> {
  if (ID_NAME.test(name)) return idArbitrary(ctx.ids, name);
  const min = typeof s.minLength === "number" ? s.minLength : 0;
  const max = typeof s.maxLength === "number" ? s.maxLength : min + 40;
  const fits = (v: string) => v.length >= min && v.length <= max;
  switch (s.format) {
    case "email":
      return fc.emailAddress().filter(fits);
    case "uuid":
      return fc.uuid();
    case "date-time":
      return fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
    case "date":
      return fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  }
  if (typeof s.pattern === "string") {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
    } catch {
      // a pattern fast-check cannot read: plain strings below
    }
  }
  return fc.string({ minLength: min, maxLength: Math.min(max, min + 40) });
}

function numberArbitrary(s: Js, integer: boolean): fc.Arbitrary<number> {
  const min = typeof s.minimum === "number" ? s.minimum : typeof s.exclusiveMinimum === "number" ? s.exclusiveMinimum + 1 : -1_000_000;
  const max = typeof s.maximum === "number" ? s.maximum : typeof s.exclusiveMaximum === "number" ? s.exclusiveMaximum - 1 : 1_000_000;
  if (integer) return fc.integer({ min: Math.ceil(Math.max(min, Number.MIN_SAFE_INTEGER)), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function fromJsonSchema(input: Js, name: string, ctx: Ctx): fc.Arbitrary<unknown> {
  const s = resolve(input, ctx);
  if (ctx.depth > 6) return fc.constant(null);
  const inner = { ...ctx, depth: ctx.depth + 1 };
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  for (const key of ["anyOf", "oneOf"] as const) {
    if (Array.isArray(s[key]) && (s[key] as Js[]).length) return fc.oneof(...(s[key] as Js[]).map((x) => fromJsonSchema(x, name, inner)));
  }
  if (Array.isArray(s.allOf) && s.allOf.length) return fromJsonSchema(s.allOf[0] as Js, name, inner);
  const type = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => fromJsonSchema({ ...s, type: t }, name, inner)));
  switch (type[0]) {
    case "string":
      return stringArbitrary(s, name, ctx);
    case "integer":
      return numberArbitrary(s, true);
    case "number":
      return numberArbitrary(s, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      // A tuple (the arguments of an action called without a form): one arbitrary per position.
      if (Array.isArray(s.prefixItems)) return fc.tuple(...(s.prefixItems as Js[]).map((x) => fromJsonSchema(x, name, inner)));
      const min = typeof s.minItems === "number" ? s.minItems : 0;
      const max = Math.min(typeof s.maxItems === "number" ? s.maxItems : min + 4, min + 4);
      const items = (s.items && typeof s.items === "object" ? s.items : {}) as Js;
      return fc.array(fromJsonSchema(items, name, inner), { minLength: min, maxLength: max });
    }
    case "object": {
      const props = (s.properties ?? {}) as Record<string, Js>;
      const required = Array.isArray(s.required) ? (s.required as string[]) : [];
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, fromJsonSchema(v, k, inner)]));
      return fc.record(model, { requiredKeys: required.filter((k) => k in model) as never[] });
    }
  }
  // Unrepresentable (a transform, a preprocess) or unconstrained: anything.
  return ID_NAME.test(name) ? idArbitrary(ctx.ids, name) : fc.oneof(fc.string({ maxLength: 20 }), hostileValue);
}

/** Inputs the schema accepts (ids drawn from the pool). */
export function validArbitrary(schema: z.ZodType | undefined, ids: IdPool): fc.Arbitrary<unknown> {
  if (!schema) return fc.constant({});
  let root: Js;
  try {
    root = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Js;
  } catch {
    return fc.constant({});
  }
  return fromJsonSchema(root, "", { root, ids, depth: 0 });
}

const unknownKey = fc.oneof(fc.constantFrom("__proto__", "constructor", "orgId", "org_id", "account_id", "id", "userId", "role", "isStaff", "$ACTION_ID"), fc.string({ maxLength: 12 }));

/** The same object with some fields replaced by hostile values, some dropped, and unknown ones added. */
function mutate(value: unknown, ids: IdPool): fc.Arbitrary<unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return hostileValue;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  const replacement = keys.length ? fc.dictionary(fc.constantFrom(...keys), fc.oneof(hostileValue, idArbitrary(ids)), { maxKeys: 3 }) : fc.constant({});
  return fc
    .tuple(replacement, fc.subarray(keys, { maxLength: Math.min(2, keys.length) }), fc.dictionary(unknownKey, hostileValue, { maxKeys: 2 }))
    .map(([replaced, dropped, extra]) => {
      const out: Record<string, unknown> = { ...obj };
      for (const k of dropped) delete out[k];
      for (const [k, v] of Object.entries(replaced)) out[k] = v;
      for (const [k, v] of Object.entries(extra)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

/**
 * What a client may send to an entry point with this schema: valid inputs, valid inputs with hostile
 * fields (wrong types, huge / empty / control-character strings, nulls, another tenant's ids, unknown
 * fields) and wholly wrong inputs (an array, a string, null where an object is expected).
 */
export function fuzzArbitrary(schema: z.ZodType | undefined, ids: IdPool): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, ids);
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 5, arbitrary: valid.chain((v) => mutate(v, ids)) },
    { weight: 1, arbitrary: hostileValue },
  );
}

/**
 * What a client may pass to an action called with arguments (its schema a tuple): valid arguments, valid
 * ones with some replaced by hostile values, and any list of hostile values (too few, too many, wrong types).
 */
export function fuzzArguments(schema: z.ZodType, ids: IdPool): fc.Arbitrary<unknown[]> {
  const valid = validArbitrary(schema, ids).map((v) => (Array.isArray(v) ? v : []));
  const mutated = valid.chain((args) => fc.tuple(...args.map((a) => fc.oneof({ weight: 2, arbitrary: fc.constant(a) }, { weight: 1, arbitrary: hostileValue }))));
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 5, arbitrary: mutated },
    { weight: 1, arbitrary: fc.array(hostileValue, { maxLength: 3 }) },
  );
}

const scalar = (v: unknown): string => (typeof v === "string" ? v : v === undefined ? "" : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));

/** A generated input as a query string: arrays repeat their key, objects are written as JSON. */
export function toSearchParams(value: unknown): URLSearchParams {
  const params = new URLSearchParams();
  if (!value || typeof value !== "object") {
    if (value !== undefined && value !== null) params.append(scalar(value), scalar(value));
    return params;
  }
  for (const [k, v] of Object.entries(value)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, scalar(item));
  return params;
}

/** A generated input as a submitted form: repeated keys for arrays, a file where `files` says so. */
export function toFormData(value: unknown, files: string[] = []): FormData {
  const fd = new FormData();
  for (const [k, v] of toSearchParams(Array.isArray(value) ? Object.fromEntries(value.map((x, i) => [String(i), x])) : value).entries()) fd.append(k, v);
  for (const k of files) fd.append(k, new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff])], { type: "image/png" }), "fuzz.png");
  return fd;
}
