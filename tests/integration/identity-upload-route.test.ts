import { readdirSync } from "node:fs";
import { describe, expect, test, vi } from "vitest";
import { createTranslator } from "use-intl/core";
import { POST } from "@/app/(auth)/verify/[secret]/documents/route";
import { getDb } from "@/lib/db";
import en from "@/lib/i18n/messages/en.json";
import { MAX_FILE_BYTES } from "@/lib/identity/rules";
import { identityRoot } from "@/lib/identity/storage";
import { hashSecret, randomSecret } from "@/lib/security/tokens";
import { createUser } from "../factories";

// The route reads the request's headers and the translations through Next.js request APIs.
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages: en, ...(namespace ? { namespace: namespace as "verification" } : {}) }),
}));

const db = getDb();
const CHUNK = 1024 * 1024;
const LIMIT = 3 * MAX_FILE_BYTES + 64 * 1024;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.alloc(64, 7)]);

/** A case waiting for its photos, opened by `secret`. */
async function caseAwaitingPhotos() {
  const user = await createUser(db);
  const secret = randomSecret();
  const row = await db.identityVerification.create({
    data: { userId: user.id, email: user.email, reason: "LOST_TWO_FACTOR", status: "PHONE_CONFIRMED", tokenHash: hashSecret(secret) },
  });
  return { secret, caseId: row.id };
}

/**
 * A chunked upload (no Content-Length) of `chunks` chunks of 1 MiB, produced only when the reader asks
 * for them: `pulled` counts the chunks the server actually took.
 */
function chunkedUpload(secret: string, chunks: number, extraHeaders: Record<string, string> = {}) {
  const counter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled === chunks) return controller.close();
        counter.pulled++;
        controller.enqueue(new Uint8Array(CHUNK).fill(0x41));
      },
      cancel() {
        counter.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(`http://localhost/verify/${secret}/documents`, {
    method: "POST",
    body: stream,
    headers: { "Content-Type": "multipart/form-data; boundary=x", ...extraHeaders },
    duplex: "half",
  } as RequestInit);
  expect(request.headers.get("content-length")).toBe(extraHeaders["Content-Length"] ?? null);
  return { request, counter };
}

const post = (request: Request, secret: string) => POST(request, { params: Promise.resolve({ secret }) });

describe("identity photo upload (SEC-6)", () => {
  test("[SEC-6] a wrong or dead case link is refused before a byte of a huge chunked body is read", async () => {
    for (const secret of [randomSecret(), "not a secret"]) {
      const { request, counter } = chunkedUpload(secret, 10_000);
      const res = await post(request, secret);
      expect(res.status).toBe(404);
      expect(counter.pulled).toBe(0);
    }
    // A case that already has its photos (or is still at the phone step) is refused the same way: unread.
    const { secret, caseId } = await caseAwaitingPhotos();
    await db.identityVerification.update({ where: { id: caseId }, data: { status: "SUBMITTED" } });
    const { request, counter } = chunkedUpload(secret, 10_000);
    const res = await post(request, secret);
    expect(res.status).toBe(409);
    expect(counter.pulled).toBe(0);
  });

  test("[SEC-6] a chunked body without Content-Length is cut off with 413 as soon as it passes the limit, nothing stored; a body within the limit is read and checked", async () => {
    const { secret, caseId } = await caseAwaitingPhotos();
    const { request, counter } = chunkedUpload(secret, 10_000);
    const res = await post(request, secret);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, message: en.verification.errors.requestTooLarge });
    // Read up to the first chunk past the limit, then the stream was cancelled.
    expect(counter.pulled).toBe(Math.ceil((LIMIT + 1) / CHUNK));
    expect(counter.cancelled).toBe(true);
    expect(await db.identityVerification.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ status: "PHONE_CONFIRMED" });
    expect(readdirSafe(caseId)).toEqual([]);

    // A declared Content-Length over the limit is refused unread.
    const declared = chunkedUpload(secret, 100, { "Content-Length": String(LIMIT + 1) });
    expect((await post(declared.request, secret)).status).toBe(413);
    expect(declared.counter.pulled).toBe(0);

    // A body within the limit is read, and its photos are checked by their bytes.

    const form = new FormData();
    form.set("documentType", "PASSPORT");
    form.set("front", new File([Buffer.from("not a photo")], "page.png", { type: "image/png" }));
    form.set("selfie", new File([PNG], "me.png", { type: "image/png" }));
    const wrongType = await post(new Request(`http://localhost/verify/${secret}/documents`, { method: "POST", body: form }), secret);
    expect(wrongType.status).toBe(422);
    expect(await wrongType.json()).toMatchObject({ ok: false, fieldErrors: { front: en.verification.errors.fileType } });

    form.set("front", new File([PNG], "page.png", { type: "image/png" }));
    const ok = await post(new Request(`http://localhost/verify/${secret}/documents`, { method: "POST", body: form }), secret);
    expect(ok.status).toBe(200);
    expect(await db.identityVerification.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ status: "SUBMITTED" });
    expect(readdirSafe(caseId)).toHaveLength(2);
  });
});

function readdirSafe(caseId: string): string[] {
  try {
    return readdirSync(`${identityRoot()}/${caseId}`);
  } catch {
    return [];
  }
}
