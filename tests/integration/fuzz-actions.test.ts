import { fc, test } from "@fast-check/vitest";
import { beforeAll, describe, expect, vi } from "vitest";
import { getDb } from "@/lib/db";
import { actionSchema } from "@/lib/http/action";
import { createStaffUser, createTotpMethod } from "../factories";
import { FUZZ_SEED } from "../fuzz/settings";
import { organizationSnapshot, tenantWithRows, type FuzzTenant } from "../fuzz/tenants";
import { fuzzArbitrary, fuzzArguments, hostileValue, toFormData, type IdPool } from "../fuzz/zod-arbitrary";
import { signIn, signOut } from "./support/browser-session";
import { isNavigation, serverActions, type ServerAction } from "./support/server-actions";

/**
 * SEC-5: every server action (found by reading the app, as the server-action matrix does) is called
 * through its real wrapper with forms generated from its own zod schema — valid ones, hostile variants
 * (wrong types, huge / empty / control-character strings, unknown fields, files where text is expected,
 * another Organization's ids) and arguments that are not a form at all — by Organization A's legal
 * representative, a staff member, or nobody. No call throws past the wrapper or ends in an internal
 * error: a refusal is a known error code with a translated message and translated field errors; and
 * Organization B's rows are exactly as they were.
 *
 * The framework's request context is replaced as in the matrix (real session cookie, no-op page
 * revalidation), and the translator is the real English catalogue, so "translated" is checked.
 */
vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => {
  const { nextHeaders } = await import("./support/browser-session");
  return {
    ...nextHeaders,
    cookies: async () => ({ ...(await nextHeaders.cookies()), set: () => undefined, delete: () => undefined, getAll: () => [], has: () => false }),
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/en.json")).default;
  const translator = (namespace?: unknown) =>
    createTranslator({ locale: "en", messages, namespace: typeof namespace === "string" ? (namespace as never) : undefined, onError: () => undefined });
  return { getTranslations: async (namespace?: unknown) => translator(namespace), getLocale: async () => "en" };
});

const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const CODES = ["unauthenticated", "forbidden", "not_found", "conflict", "invalid_input", "rate_limited"];
/** A catalogue key shown as is: what a translated message never is. */
const RAW_KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/;

const ids: IdPool = { own: [], foreign: [] };
let a: FuzzTenant;
let b: FuzzTenant;
let staffId: string;
let before: Record<string, string>;
/** The actions whose generated forms got past their schema at least once (a success or a service's verdict). */
const reached = new Set<string>();

beforeAll(async () => {
  const db = getDb();
  a = await tenantWithRows(db);
  b = await tenantWithRows(db);
  ids.own = a.ids;
  ids.foreign = b.ids;
  ids.orgs = { own: a.orgId, foreign: b.orgId };
  staffId = (await createStaffUser(db, { staffRole: "ADMIN" })).id;
  await createTotpMethod(db, staffId);
  before = await organizationSnapshot(db, b.orgId);
});

const actions = await serverActions();

type Caller = "legal representative of A" | "staff" | "signed out";
const caller = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Caller>("legal representative of A") },
  { weight: 2, arbitrary: fc.constant<Caller>("staff") },
  { weight: 1, arbitrary: fc.constant<Caller>("signed out") },
);

async function as(who: Caller) {
  if (who === "legal representative of A") await signIn(a.ownerId);
  else if (who === "staff") await signIn(staffId, { secondFactor: true });
  else signOut();
}

/**
 * Server actions without a zod schema registered by `action()`, `publicAction()` or `argumentsAction()`:
 * none. Such an action could only be fuzzed with arguments picked blindly, so a new one fails the first test.
 */
const WITHOUT_SCHEMA: string[] = [];

/**
 * What a client may send: a form from the schema (with a file now and then), arguments from the tuple of an
 * action called with arguments, or arguments that are no form at all.
 */
function argsFor(fn: ServerAction): fc.Arbitrary<unknown[]> {
  const schema = actionSchema(fn);
  const other = fc.array(hostileValue, { minLength: Math.min(fn.length, 2), maxLength: Math.max(fn.length, 2) });
  if (schema?.def.type === "tuple") return fc.oneof({ weight: 9, arbitrary: fuzzArguments(schema, ids) }, { weight: 1, arbitrary: other });
  const form = fc
    .tuple(fuzzArbitrary(schema, ids), fc.subarray(["screenshots", "photo", "file", "name"], { maxLength: 1 }))
    .map(([input, files]) => [null, toFormData(input, files)] as unknown[]);
  return schema || fn.length === 2 ? fc.oneof({ weight: 9, arbitrary: form }, { weight: 1, arbitrary: other }) : other;
}

function describeArgs(args: unknown[]): string {
  return JSON.stringify(args.map((x) => (x instanceof FormData ? Object.fromEntries([...x.entries()].map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 200) : `file ${v.name}`])) : x))).slice(0, 800);
}

describe("fuzzed server actions (SEC-5, SEC-4)", () => {
  test("[SEC-5] every server action is found, each with the zod schema its wrapper parses (forms or arguments)", () => {
    expect(actions.size).toBeGreaterThan(50);
    expect([...actions].filter(([, fn]) => !actionSchema(fn)).map(([key]) => key)).toEqual(WITHOUT_SCHEMA);
  });

  for (const [key, fn] of actions) {
    test.prop({ who: caller, args: argsFor(fn) }, { numRuns: RUNS, seed: FUZZ_SEED })(
      `[SEC-5] ${key.split("#")[1]} (${key.split("#")[0]}): generated forms end in a success or a known, translated refusal, never an internal error`,
      async ({ who, args }) => {
        await as(who);
        let result: unknown;
        try {
          result = await (fn as unknown as (...a: unknown[]) => Promise<unknown>)(...args);
        } catch (err) {
          if (isNavigation(err)) return void reached.add(key);
          throw new Error(`${who}: unhandled throw for ${describeArgs(args)}: ${String(err)}`);
        }
        // A refusal in the wrappers' shape (`{ ok: false, code, message }`); a plain `{ ok: false }` says nothing to translate.
        if (!result || typeof result !== "object" || (result as { ok?: unknown }).ok !== false || !("code" in result)) return void reached.add(key);
        const state = result as { code: string; message: string; fieldErrors?: Record<string, string> };
        const context = `${who}: ${describeArgs(args)} → ${JSON.stringify(state)}`;
        expect(CODES, context).toContain(state.code);
        if (state.code !== "invalid_input" && state.code !== "unauthenticated") reached.add(key);
        expect(state.message, context).toBeTruthy();
        expect(state.message, context).not.toMatch(RAW_KEY);
        for (const message of Object.values(state.fieldErrors ?? {})) {
          expect(message, context).toBeTruthy();
          expect(message, context).not.toMatch(RAW_KEY);
        }
      },
    );
  }

  test("[SEC-5] the generated forms are not all refused by the schemas: most actions were reached", () => {
    expect(reached.size, [...actions.keys()].filter((k) => !reached.has(k)).join("\n")).toBeGreaterThan(actions.size * 0.6);
  });

  test("[SEC-4] [SEC-5] after every fuzzed action, Organization B's rows are exactly as they were", async () => {
    expect(Object.keys(before).length).toBeGreaterThan(10);
    expect(await organizationSnapshot(getDb(), b.orgId)).toEqual(before);
  });
});
