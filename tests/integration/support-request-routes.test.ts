import { encode } from "next-auth/jwt";
import { createTranslator } from "use-intl/core";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { GET as dpaRoute } from "@/app/(console)/[org]/organization/dpa/route";
import { GET as attachmentRoute } from "@/app/(console)/[org]/support/[requestId]/attachments/[attachmentId]/route";
import { POST as openRoute } from "@/app/(console)/[org]/support/requests/route";
import { createSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import en from "@/lib/i18n/messages/en.json";
import { MAX_FORM_BYTES } from "@/lib/support-requests/rules";
import { addMember, createOrganization, createUser } from "../factories";
import { pdfText } from "./support/pdf-text";

// The wrapper reads the session cookie through next/headers, which only exists inside a Next.js request:
// the browser's cookie jar is this variable; the session behind it is a real one.
const browser = vi.hoisted(() => ({ cookie: undefined as string | undefined }));
vi.mock("server-only", () => ({}));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages: en, ...(namespace ? { namespace: namespace as "support" } : {}) }),
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "manager.session" && browser.cookie ? { name, value: browser.cookie } : undefined) }),
  headers: async () => new Headers(),
}));

beforeEach(() => {
  browser.cookie = undefined;
});

const db = getDb();
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

async function signIn(userId: string) {
  const { secret } = await createSession(db, { userId, twoFactorPassed: true });
  browser.cookie = await encode({ token: { sid: secret }, secret: process.env.NEXTAUTH_SECRET! });
}

function form(fields: Record<string, string | Blob>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v instanceof Blob) fd.append(k, v, "shot.png");
    else fd.append(k, v);
  }
  return fd;
}

const post = (orgId: string, body: BodyInit, headers: Record<string, string> = {}) =>
  openRoute(new Request(`http://localhost/${orgId}/support/requests`, { method: "POST", body, headers }), { params: Promise.resolve({ org: orgId }) });

describe("support request routes (SUP-4, GDP-1)", () => {
  test("[SUP-4] the form route opens a request with its screenshot; a non-image, another Organization and a too-large body are refused with 4xx", async () => {
    const owner = await createUser(db);
    const org = await createOrganization(db, { legalRepresentativeId: owner.id });
    await signIn(owner.id);

    const created = await post(org.id, form({ subject: "Help", body: "It broke", screenshots: new Blob([PNG], { type: "image/png" }) }));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const attachment = await db.supportAttachment.findFirstOrThrow({ where: { requestId: id } });
    const file = await attachmentRoute(new Request("http://localhost/"), { params: Promise.resolve({ org: org.id, requestId: id, attachmentId: attachment.id }) });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("content-security-policy")).toContain("sandbox");

    const html = await post(org.id, form({ subject: "Help", body: "It broke", screenshots: new Blob(["<html><script>alert(1)</script>"], { type: "image/png" }) }));
    expect(html.status).toBe(400);
    expect(await html.json()).toMatchObject({ error: "invalid_input", fields: { screenshots: expect.any(String) } });

    const tooLarge = await post(org.id, new Uint8Array(MAX_FORM_BYTES + 1), { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(MAX_FORM_BYTES + 1) });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({ error: "too_large", message: en.support.errors.requestTooLarge });

    // Another Organization's legal representative: 404 for the form route and for the screenshot.
    const stranger = await createUser(db);
    await createOrganization(db, { legalRepresentativeId: stranger.id });
    await signIn(stranger.id);
    expect((await post(org.id, form({ subject: "x", body: "y" }))).status).toBe(404);
    const foreign = await attachmentRoute(new Request("http://localhost/"), { params: Promise.resolve({ org: org.id, requestId: id, attachmentId: attachment.id }) });
    expect(foreign.status).toBe(404);
    expect(await db.supportRequest.count({ where: { orgId: org.id } })).toBe(1);
  });

  test("[GDP-1] the DPA download answers a PDF to an administrator and 403 to a user", async () => {
    const owner = await createUser(db);
    const org = await createOrganization(db, { legalRepresentativeId: owner.id, name: "Route Test SA" });
    const admin = await createUser(db, { locale: "de" });
    await addMember(db, org.id, admin.id, "ADMINISTRATOR");
    const user = await createUser(db);
    await addMember(db, org.id, user.id, "USER");
    const call = () => dpaRoute(new Request(`http://localhost/${org.id}/organization/dpa`), { params: Promise.resolve({ org: org.id }) });

    await signIn(admin.id);
    const res = await call();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="dpa-route-test-sa-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain("Auftragsverarbeitungsvertrag");
    expect(text).toContain("Route Test SA");

    await signIn(user.id);
    expect((await call()).status).toBe(403);
  });
});
