import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { createSession } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db";
import en from "@/lib/i18n/messages/en.json";
import { createTotpMethod, createUser } from "../factories";
import { browser, signOut } from "./support/browser-session";

/**
 * SEC-5: the actions of the second sign-in step and of the paired device check who calls before they read
 * what was sent: a caller without a session (or without a paired device) is told to sign in again, even
 * when the input is also invalid; with a session, the same input is refused as invalid, naming its field.
 */
vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => {
  const { nextHeaders } = await import("./support/browser-session");
  return { ...nextHeaders, cookies: async () => ({ ...(await nextHeaders.cookies()), set: () => undefined }) };
});
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/en.json")).default;
  const translator = (namespace?: unknown) => createTranslator({ locale: "en", messages, namespace: typeof namespace === "string" ? (namespace as never) : undefined });
  return { getTranslations: async (namespace?: unknown) => translator(namespace), getLocale: async () => "en" };
});

const { verifySecondFactorAction } = await import("@/app/(auth)/sign-in/two-factor/actions");
const { startPushChallengeAction, sendSignInSmsAction, completePushChallengeAction } = await import("@/app/(auth)/sign-in/two-factor/device-actions");
const { requestHelpAction } = await import("@/app/(auth)/sign-in/two-factor/help/actions");
const { answerRequestAction } = await import("@/app/(auth)/device/actions");

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
const NUL_CODE = form({ kind: "totp", code: "12\u00003456" });
const TOO_LONG = "x".repeat(5000);

/** A session waiting for its second step (password given, 2FA on). */
async function pendingSignIn() {
  const db = getDb();
  const user = await createUser(db);
  await createTotpMethod(db, user.id);
  const { secret } = await createSession(db, { userId: user.id, twoFactorPassed: false });
  browser.cookie = await encode({ token: { sid: secret }, secret: process.env.NEXTAUTH_SECRET! });
}

beforeEach(() => signOut());

describe("the session is checked before the input (SEC-5)", () => {
  test("[SEC-5] signed out, a second-step code with a NUL character is answered “sign in again”, not “invalid input”", async () => {
    expect(await verifySecondFactorAction(null, NUL_CODE)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await verifySecondFactorAction(null, form({ kind: "nonsense", code: TOO_LONG }))).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await requestHelpAction(null, form({ unexpected: "\u0000" }))).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  test("[SEC-5] signed out, the push and SMS actions with over-long or broken arguments are answered “sign in again”", async () => {
    for (const call of [() => startPushChallengeAction(TOO_LONG), () => sendSignInSmsAction("\uD800"), () => completePushChallengeAction(TOO_LONG)]) {
      expect(await call()).toMatchObject({ ok: false, code: "unauthenticated" });
    }
  });

  test("[SEC-5] a browser without a paired device answering a request with a broken answer is told it is not paired", async () => {
    expect(await answerRequestAction(TOO_LONG, "maybe" as "approve")).toMatchObject({ ok: false, code: "unauthenticated", message: en.devices.errors.notPaired });
  });

  test("[SEC-5] with a session waiting for its second step, the same input is refused as invalid, naming the field", async () => {
    await pendingSignIn();
    const state = await verifySecondFactorAction(null, NUL_CODE);
    expect(state).toMatchObject({ ok: false, code: "invalid_input" });
    expect(state && !state.ok && state.fieldErrors?.code).toBeTruthy();
    expect(await startPushChallengeAction(TOO_LONG)).toMatchObject({ ok: false, code: "invalid_input" });
  });
});
