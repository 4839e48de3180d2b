import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { GET as documentRoute } from "@/app/(console)/backoffice/verifications/[caseId]/documents/[documentId]/route";
import { GET as exportRoute } from "@/app/(console)/[org]/products/export/route";
import { GET as tagOptionsRoute } from "@/app/(console)/[org]/tags/options/route";
import { createSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sessionRoute } from "@/lib/http/session-route";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { createOrganization, createProducts, createStaffUser, createTags, createTotpMethod, createUser } from "../factories";

// The wrapper reads the session cookie through next/headers, which only exists inside a Next.js request:
// the browser's cookie jar is this variable; the session behind it is a real one.
const browser = vi.hoisted(() => ({ cookie: undefined as string | undefined }));
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "manager.session" && browser.cookie ? { name, value: browser.cookie } : undefined) }),
  headers: async () => new Headers(),
}));

beforeEach(() => {
  browser.cookie = undefined;
});

async function signIn(userId: string, secondFactor = false) {
  const { secret } = await createSession(getDb(), { userId, twoFactorPassed: true, secondFactor });
  browser.cookie = await encode({ token: { sid: secret }, secret: process.env.NEXTAUTH_SECRET! });
}

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;
const call = (handler: Handler, path: string, params: Record<string, string>) => handler(new Request(`http://localhost${path}`), { params: Promise.resolve(params) });

/** Every answer of the wrapper, success or failure, is private and never stored. */
function expectPrivate(res: Response) {
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  expect(res.status).toBeLessThan(500);
}

async function customer() {
  const db = getDb();
  const owner = await createUser(db, { locale: "fr" });
  const org = await createOrganization(db, { legalRepresentativeId: owner.id });
  await createTags(db, [{ orgId: org.id, name: "Client A" }]);
  await createProducts(db, [{ orgId: org.id, name: "site.ch" }]);
  return { owner, org };
}

describe("sessionRoute: console route handlers (SEC-5)", () => {
  test("[SEC-5] without a session each route answers what it declares: 401 JSON, a redirect to sign-in and back, or 404", async () => {
    const { org } = await customer();
    const options = await call(tagOptionsRoute, `/${org.id}/tags/options`, { org: org.id });
    expect(options.status).toBe(401);
    expectPrivate(options);
    expect(await options.json()).toMatchObject({ error: "unauthenticated", message: en.errors.UNAUTHENTICATED });

    const download = await call(exportRoute, `/${org.id}/products/export?sort=name&dir=desc`, { org: org.id });
    expect(download.status).toBe(303);
    expectPrivate(download);
    expect(download.headers.get("location")).toBe(`http://localhost/sign-in?next=${encodeURIComponent(`/${org.id}/products/export?sort=name&dir=desc`)}`);

    const photo = await call(documentRoute, "/backoffice/verifications/c1/documents/d1", { caseId: "c1", documentId: "d1" });
    expect(photo.status).toBe(404);
    expectPrivate(photo);
  });

  test("[SEC-5] another Organization, an unknown one or a malformed id is 404 on every route, never a 5xx", async () => {
    const mine = await customer();
    const other = await customer();
    await signIn(mine.owner.id);
    const ids = [other.org.id, "no-such-org", "x".repeat(5000), "nul\u0000byte", "'; DROP TABLE \"User\"; --", "%"];
    for (const orgId of ids) {
      const options = await call(tagOptionsRoute, `/${encodeURIComponent(orgId)}/tags/options`, { org: orgId });
      expect(options.status, orgId.slice(0, 20)).toBe(404);
      expectPrivate(options);
      // In the signed-in person's language; nothing about the Organization.
      expect(await options.json()).toEqual({ error: "not_found", message: fr.errors.NOT_FOUND });

      const download = await call(exportRoute, `/${encodeURIComponent(orgId)}/products/export`, { org: orgId });
      expect(download.status, orgId.slice(0, 20)).toBe(404);
      expectPrivate(download);
      expect(download.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await download.text()).not.toContain("site.ch");
    }
    // A signed-in person who is not staff, and staff asking for a photo that does not exist.
    const staff = await createStaffUser(getDb());
    await createTotpMethod(getDb(), staff.id);
    for (const userId of [mine.owner.id, staff.id]) {
      await signIn(userId, userId === staff.id);
      for (const [caseId, documentId] of [["c1", "d1"], ["nul\u0000byte", "x".repeat(5000)]]) {
        const photo = await call(documentRoute, `/backoffice/verifications/x/documents/y`, { caseId, documentId });
        expect(photo.status).toBe(404);
        expectPrivate(photo);
      }
    }
  });

  test("[SEC-5] a query its schema rejects is 400 naming the field, in the user's language", async () => {
    const { owner, org } = await customer();
    await signIn(owner.id);
    const tooLong = await call(tagOptionsRoute, `/${org.id}/tags/options?q=${"x".repeat(41)}`, { org: org.id });
    expect(tooLong.status).toBe(400);
    expectPrivate(tooLong);
    expect(await tooLong.json()).toEqual({ error: "invalid_input", message: fr.errors.INVALID_INPUT, fields: { q: fr.validation.tooLong } });
    // A repeated parameter is not a string.
    const twice = await call(tagOptionsRoute, `/${org.id}/tags/options?q=a&q=b`, { org: org.id });
    expect(twice.status).toBe(400);
    expect(await twice.json()).toMatchObject({ error: "invalid_input", fields: { q: fr.validation.invalid } });

    // A download answers the same in text, a line per field.
    const pages = sessionRoute({ signedOut: "redirect", query: z.object({ page: z.coerce.number().int().min(1) }) }, async ({ query }) => new Response(String(query.page)));
    const bad = await call(pages, "/x?page=abc", {});
    expect(bad.status).toBe(400);
    expectPrivate(bad);
    expect(await bad.text()).toBe(`${fr.errors.INVALID_INPUT}\npage: ${fr.validation.invalid}`);
    const good = await call(pages, "/x?page=3", {});
    expect(good.status).toBe(200);
    expectPrivate(good);
    expect(await good.text()).toBe("3");
  });

  test("[SEC-5] declared params: a value the schema rejects names nothing (404); the handler's own headers cannot make an answer cacheable", async () => {
    const { owner } = await customer();
    await signIn(owner.id);
    const byId = sessionRoute({ signedOut: "401", params: z.object({ id: z.uuid() }) }, async ({ params }) =>
      Response.json({ id: params.id }, { headers: { "Cache-Control": "public, max-age=3600" } }),
    );
    const malformed = await call(byId, "/things/42", { id: "42" });
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toMatchObject({ error: "not_found" });
    const id = "7d444840-9dc0-11d1-b245-5ffdce74fad2";
    const ok = await call(byId, `/things/${id}`, { id });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("private, no-store");
    expect(await ok.json()).toEqual({ id });
  });

  test("[SEC-5] a handler's failures go through the one mapping: its AppError code, or a 500 that says nothing more", async () => {
    const { owner } = await customer();
    await signIn(owner.id);
    const failing = (err: unknown) => sessionRoute({ signedOut: "401" }, async () => Promise.reject(err));
    const forbidden = await call(failing(new AppError("FORBIDDEN")), "/x", {});
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ error: "forbidden", message: fr.errors.FORBIDDEN });

    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const bug = await call(failing(new Error("secret detail: password=hunter2")), "/x", {});
      expect(bug.status).toBe(500);
      expect(bug.headers.get("cache-control")).toBe("private, no-store");
      const text = await bug.text();
      expect(JSON.parse(text)).toEqual({ error: "internal", message: fr.errors.generic });
      expect(text).not.toContain("hunter2");
      expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: "secret detail: password=hunter2" }));
    } finally {
      log.mockRestore();
    }
  });
});
