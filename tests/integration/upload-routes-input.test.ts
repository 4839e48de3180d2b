import { encode } from "next-auth/jwt";
import { createTranslator } from "use-intl/core";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { POST as documentsRoute } from "@/app/(auth)/verify/[secret]/documents/route";
import { POST as supportRoute } from "@/app/(console)/[org]/support/requests/route";
import { POST as webhook } from "@/app/webhooks/payments/route";
import { createSession } from "@/lib/auth/sessions";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db";
import en from "@/lib/i18n/messages/en.json";
import fr from "@/lib/i18n/messages/fr.json";
import { SIGNATURE_HEADER, signNotification } from "@/lib/payments/notification-signature";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { createOrganization, createUser } from "../factories";

/**
 * SEC-5: the multipart upload routes and the payment webhook read their text fields through parse-input
 * like every form: a NUL character or a lone surrogate is invalid input naming its field, translated — not
 * the database's refusal of the value (a bare "invalid input") — and nothing is written.
 */
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
const UNSTORABLE = en.validation.unstorableText;

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

describe("upload routes and the payment webhook refuse unstorable text naming the field (SEC-5)", () => {
  // A lone surrogate cannot cross a multipart body (its UTF-8 encoding turns it into U+FFFD): NUL is what arrives.
  test("[SEC-5] a support request whose subject or description holds a NUL is refused naming that field; nothing is recorded", async () => {
    const owner = await createUser(db);
    const org = await createOrganization(db, { legalRepresentativeId: owner.id });
    const { secret } = await createSession(db, { userId: owner.id, twoFactorPassed: true });
    browser.cookie = await encode({ token: { sid: secret }, secret: process.env.NEXTAUTH_SECRET! });
    const post = (fd: FormData) => supportRoute(new Request(`http://localhost/${org.id}/support/requests`, { method: "POST", body: fd }), { params: Promise.resolve({ org: org.id }) });

    for (const [fields, field] of [
      [{ subject: "Help\u0000me", body: "It broke" }, "subject"],
      [{ subject: "Help", body: "It broke\u0000" }, "body"],
    ] as const) {
      const res = await post(form(fields));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: "invalid_input", message: en.errors.INVALID_INPUT, fields: { [field]: UNSTORABLE } });
    }
    expect(await db.supportRequest.count({ where: { orgId: org.id } })).toBe(0);
  });

  test("[SEC-5] identity photos whose document type holds a NUL are refused naming the field; the case still waits for its photos", async () => {
    const user = await createUser(db);
    const secret = randomSecret();
    const row = await db.identityVerification.create({
      data: { userId: user.id, email: user.email, reason: "LOST_TWO_FACTOR", status: "PHONE_CONFIRMED", tokenHash: hashSecret(secret) },
    });
    const res = await documentsRoute(new Request(`http://localhost/verify/${secret}/documents`, { method: "POST", body: form({ documentType: "PASSPORT\u0000" }) }), {
      params: Promise.resolve({ secret }),
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ ok: false, message: en.errors.INVALID_INPUT, fieldErrors: { documentType: UNSTORABLE } });
    expect((await db.identityVerification.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("PHONE_CONFIRMED");
  });

  test("[SEC-5] a signed payment notification whose reference holds a NUL is refused naming the field, in the language the operator accepts", async () => {
    const notification = { id: "evt_1", reference: "pay\u0000ment", operatorRef: "op_1", status: "SUCCEEDED", amountMinor: 100, currency: "CHF", methodType: "VISA" };
    const body = JSON.stringify(notification);
    const signed = (extra: Record<string, string> = {}, text = body) =>
      new Request("http://localhost/webhooks/payments", { method: "POST", body: text, headers: { [SIGNATURE_HEADER]: signNotification(text, config.paymentWebhookSecret, new Date()), ...extra } });
    const res = await webhook(signed());
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: "invalid_input", message: en.errors.INVALID_INPUT, fields: { reference: UNSTORABLE } });
    const inFrench = await webhook(signed({ "Accept-Language": "fr-CH" }));
    expect(await inFrench.json()).toMatchObject({ fields: { reference: fr.validation.unstorableText } });
    // JSON can carry half of a surrogate pair (an escape): refused the same way.
    const lone = await webhook(signed({}, JSON.stringify({ ...notification, reference: "payment", operatorRef: "op\uD800" })));
    expect(await lone.json()).toEqual({ error: "invalid_input", message: en.errors.INVALID_INPUT, fields: { operatorRef: UNSTORABLE } });
    // Unsigned, the same body is refused for its signature: nothing of it is read.
    const unsigned = await webhook(new Request("http://localhost/webhooks/payments", { method: "POST", body }));
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toEqual({ error: "unauthenticated" });
  });
});
