import { encode } from "next-auth/jwt";
import { createTranslator } from "use-intl/core";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { createSession } from "@/lib/auth/sessions";
import { createDb, getDb } from "@/lib/db";
import { AppError, DATABASE_UNAVAILABLE_DIGEST, type AppErrorCode } from "@/lib/errors";
import { action, type ActionState } from "@/lib/http/action";
import { route } from "@/lib/http/route";
import { sessionRoute } from "@/lib/http/session-route";
import fr from "@/lib/i18n/messages/fr.json";
import { createOrganization, createTag, createUser } from "../factories";
import { tokenFor } from "./support/api";

// Entry points read the session cookie and the translations through Next.js request APIs: the cookie jar
// is this variable (a real session behind it), the translations the real French catalogue.
const browser = vi.hoisted(() => ({ cookie: undefined as string | undefined }));
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "manager.session" && browser.cookie ? { name, value: browser.cookie } : undefined) }),
  headers: async () => new Headers(),
}));
vi.mock("next-intl/server", async () => {
  const messages = (await import("@/lib/i18n/messages/fr.json")).default;
  return { getTranslations: async () => createTranslator({ locale: "fr", messages }) };
});

let token: string;
let orgId: string;
beforeAll(async () => {
  const db = getDb();
  const user = await createUser(db, { locale: "fr" });
  orgId = (await createOrganization(db, { legalRepresentativeId: user.id })).id;
  token = await tokenFor(db, user.id, orgId, ["tags:read"]);
  const { secret } = await createSession(db, { userId: user.id, twoFactorPassed: true });
  browser.cookie = await encode({ token: { sid: secret }, secret: process.env.NEXTAUTH_SECRET! });
});

type Failure = () => Promise<unknown>;

/** The same failure through the three kinds of entry point: a server action, a REST endpoint, a console route. */
async function throughEveryEntryPoint(fail: Failure) {
  const form = new FormData();
  form.set("name", "x");
  const state = (await action(z.object({ name: z.string() }), fail)(null, form)) as Exclude<ActionState, null | { ok: true }>;
  const rest = await route(async () => {
    await fail();
    return { data: null };
  })(new Request("http://localhost/api/1/x", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ version: "1" }) });
  const console = await sessionRoute({ signedOut: "401" }, async () => {
    await fail();
    return new Response("never");
  })(new Request("http://localhost/x"), { params: Promise.resolve({}) });
  return { state, rest, restBody: (await rest.json()) as { result: string; error: { code: string; description: string; errors: unknown[] } }, console, consoleBody: (await console.json()) as Record<string, unknown> };
}

const throws = (err: unknown): Failure => async () => {
  throw err;
};

describe("one error mapping for actions, the REST API and console routes (SEC-5)", () => {
  const cases: [AppErrorCode, number, string][] = [
    ["UNAUTHENTICATED", 401, fr.errors.UNAUTHENTICATED],
    ["FORBIDDEN", 403, fr.errors.FORBIDDEN],
    ["NOT_FOUND", 404, fr.errors.NOT_FOUND],
    ["CONFLICT", 409, fr.errors.CONFLICT],
    ["INVALID_INPUT", 400, fr.errors.INVALID_INPUT],
    ["RATE_LIMITED", 429, fr.errors.RATE_LIMITED.replace("{minutes}", "2")],
  ];
  test.each(cases)("[SEC-5] AppError %s is %i with its translated message everywhere", async (code, status, message) => {
    const { state, rest, restBody, console, consoleBody } = await throughEveryEntryPoint(throws(new AppError(code, undefined, undefined, code === "RATE_LIMITED" ? 90 : undefined)));
    expect(state).toEqual({ ok: false, code: code.toLowerCase(), message });
    expect(rest.status).toBe(status);
    expect(restBody).toEqual({ result: "error", error: { code: code.toLowerCase(), description: expect.any(String), errors: [] } });
    expect(console.status).toBe(status);
    expect(consoleBody).toEqual({ error: code.toLowerCase(), message });
    for (const res of [rest, console]) expect(res.headers.get("retry-after")).toBe(code === "RATE_LIMITED" ? "90" : null);
  });

  test("[SEC-5] a zod error is invalid input with the message of each field (422 for forms, 400 for the API)", async () => {
    const schema = z.object({ name: z.string().min(1, "validation.required"), email: z.email("validation.email") });
    const failure = () => Promise.resolve(schema.parse({ name: "", email: "nope" }));
    const { state, rest, restBody, console, consoleBody } = await throughEveryEntryPoint(failure);
    expect(state).toEqual({ ok: false, code: "invalid_input", message: fr.errors.INVALID_INPUT, fieldErrors: { name: fr.validation.required, email: fr.validation.email } });
    expect(rest.status).toBe(400);
    expect(restBody.error).toMatchObject({
      code: "invalid_input",
      errors: [
        { code: "required", description: expect.any(String), context: { field: "name" } },
        { code: "email", description: expect.any(String), context: { field: "email" } },
      ],
    });
    expect(console.status).toBe(400);
    expect(consoleBody).toEqual({ error: "invalid_input", message: fr.errors.INVALID_INPUT, fields: { name: fr.validation.required, email: fr.validation.email } });
  });

  test("[SEC-5] Prisma's unique violation (P2002) is 409 'already exists'; a missing row (P2025) is 404", async () => {
    const db = getDb();
    await createTag(db, { orgId, name: "Twice" });
    const duplicate = await throughEveryEntryPoint(() => createTag(db, { orgId, name: "Twice" }));
    expect(duplicate.state).toEqual({ ok: false, code: "conflict", message: fr.errors.alreadyExists });
    expect(duplicate.rest.status).toBe(409);
    expect(duplicate.restBody.error.code).toBe("conflict");
    expect(duplicate.console.status).toBe(409);

    const missing = await throughEveryEntryPoint(() => db.user.update({ where: { id: "no-such-user" }, data: { firstName: "x" } }));
    expect(missing.state).toEqual({ ok: false, code: "not_found", message: fr.errors.NOT_FOUND });
    expect(missing.rest.status).toBe(404);
    expect(missing.console.status).toBe(404);
  });

  test("[SEC-5] a value PostgreSQL refuses (a NUL byte, text where a number goes) is invalid input, not a 5xx", async () => {
    const db = getDb();
    const refused: Failure[] = [
      () => db.user.findFirst({ where: { email: "someone\u0000@example.com" } }),
      () => db.$queryRaw`SELECT ${"a\u0000b"}::text`,
      () => db.$queryRaw`SELECT ${"twelve"}::int`,
    ];
    for (const fail of refused) {
      const { state, rest, console } = await throughEveryEntryPoint(fail);
      expect(state).toEqual({ ok: false, code: "invalid_input", message: fr.errors.INVALID_INPUT });
      expect(rest.status).toBe(400);
      expect(console.status).toBe(400);
    }
  });

  test("[SEC-5] an unreachable database is 503 'try again in a moment' with Retry-After, and its error is marked for the error page", async () => {
    const unreachable = createDb("postgresql://manager@127.0.0.1:1/manager");
    let thrown: unknown;
    const log = vi.spyOn(globalThis.console, "error").mockImplementation(() => {});
    try {
      const { state, rest, restBody, console, consoleBody } = await throughEveryEntryPoint(() =>
        unreachable.user.count().catch((err: unknown) => {
          thrown = err;
          throw err;
        }),
      );
      expect(thrown).toMatchObject({ digest: DATABASE_UNAVAILABLE_DIGEST });
      expect(state).toEqual({ ok: false, code: "unavailable", message: fr.errors.unavailable });
      expect(rest.status).toBe(503);
      expect(restBody.error.code).toBe("unavailable");
      expect(JSON.stringify(restBody)).not.toMatch(/127\.0\.0\.1|P1001/);
      expect(console.status).toBe(503);
      expect(consoleBody).toEqual({ error: "unavailable", message: fr.errors.unavailable });
      for (const res of [rest, console]) expect(res.headers.get("retry-after")).toBe("30");
      // An interactive transaction that cannot start is marked too.
      await expect(unreachable.$transaction(async (tx) => tx.user.count())).rejects.toMatchObject({ digest: DATABASE_UNAVAILABLE_DIGEST });
    } finally {
      log.mockRestore();
      await unreachable.$disconnect();
    }
  });

  test("[SEC-5] anything else is 500 'something went wrong', logged on the server and never shown", async () => {
    const log = vi.spyOn(globalThis.console, "error").mockImplementation(() => {});
    try {
      const secret = "at parseToken (lib/secret.ts:12) password=hunter2";
      const { state, rest, restBody, console, consoleBody } = await throughEveryEntryPoint(throws(new TypeError(secret)));
      expect(state).toEqual({ ok: false, code: "internal", message: fr.errors.generic });
      expect(rest.status).toBe(500);
      expect(restBody).toEqual({ result: "error", error: { code: "internal", description: "An unexpected error occurred.", errors: [] } });
      expect(console.status).toBe(500);
      expect(consoleBody).toEqual({ error: "internal", message: fr.errors.generic });
      expect(JSON.stringify([state, restBody, consoleBody])).not.toContain("hunter2");
      expect(log).toHaveBeenCalledTimes(3);
      expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: secret }));
    } finally {
      log.mockRestore();
    }
  });
});
